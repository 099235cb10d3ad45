using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines.InMemory;

/// <summary>
/// One column's values held compactly by type (text interned as numbers, dates as day numbers, numbers unboxed),
/// boxed only when read.
/// </summary>
internal abstract class ColumnStore
{
    public abstract int Count { get; }

    public static ColumnStore For(CohortType type) => type switch
    {
        CohortType.Boolean => new BooleanStore(),
        CohortType.Integer => new IntegerStore(),
        CohortType.Decimal => new DecimalStore(),
        CohortType.Date => new DateStore(),
        _ => new TextStore(),
    };

    public abstract object? Get(int row);

    /// <summary>Appends a value, which must be the column type's CLR value or null.</summary>
    public abstract bool TryAdd(object? value);

    /// <summary>A copy with the rows in <paramref name="order"/>.</summary>
    public abstract ColumnStore Reorder(int[] order);

    private static T[] Permute<T>(List<T> values, int[] order)
    {
        var result = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = values[order[i]];
        }

        return result;
    }

    private sealed class BooleanStore : ColumnStore
    {
        private readonly List<sbyte> _values = [];

        public override int Count => _values.Count;

        public override object? Get(int row) => _values[row] switch
        {
            < 0 => null,
            0 => false,
            _ => true,
        };

        public override bool TryAdd(object? value)
        {
            if (value is not (null or bool))
            {
                return false;
            }

            _values.Add(value switch { null => (sbyte)-1, true => (sbyte)1, _ => (sbyte)0 });
            return true;
        }

        public override ColumnStore Reorder(int[] order)
        {
            var store = new BooleanStore();
            store._values.AddRange(Permute(_values, order));
            return store;
        }
    }

    private sealed class IntegerStore : ColumnStore
    {
        private readonly List<long> _values = [];

        public override int Count => _values.Count;

        public override object? Get(int row) => _values[row] == long.MinValue ? null : _values[row];

        public override bool TryAdd(object? value)
        {
            if (value is not (null or long) || value is long.MinValue)
            {
                return false;
            }

            _values.Add(value as long? ?? long.MinValue);
            return true;
        }

        public override ColumnStore Reorder(int[] order)
        {
            var store = new IntegerStore();
            store._values.AddRange(Permute(_values, order));
            return store;
        }
    }

    private sealed class DecimalStore : ColumnStore
    {
        private readonly List<double> _values = [];

        public override int Count => _values.Count;

        public override object? Get(int row) => double.IsNaN(_values[row]) ? null : _values[row];

        public override bool TryAdd(object? value)
        {
            if (value is not (null or double) || (value is double d && !double.IsFinite(d)))
            {
                return false;
            }

            _values.Add(value as double? ?? double.NaN);
            return true;
        }

        public override ColumnStore Reorder(int[] order)
        {
            var store = new DecimalStore();
            store._values.AddRange(Permute(_values, order));
            return store;
        }
    }

    private sealed class DateStore : ColumnStore
    {
        private readonly List<int> _days = [];

        public override int Count => _days.Count;

        public override object? Get(int row) => _days[row] < 0 ? null : DateOnly.FromDayNumber(_days[row]);

        public override bool TryAdd(object? value)
        {
            if (value is not (null or DateOnly))
            {
                return false;
            }

            _days.Add(value is DateOnly d ? d.DayNumber : -1);
            return true;
        }

        public override ColumnStore Reorder(int[] order)
        {
            var store = new DateStore();
            store._days.AddRange(Permute(_days, order));
            return store;
        }
    }

    private sealed class TextStore : ColumnStore
    {
        private readonly List<int> _ids = [];
        private List<string> _strings = [];
        private Dictionary<string, int> _lookup = new(StringComparer.Ordinal);

        public override int Count => _ids.Count;

        public override object? Get(int row) => _ids[row] < 0 ? null : _strings[_ids[row]];

        public override bool TryAdd(object? value)
        {
            if (value is not (null or string))
            {
                return false;
            }

            if (value is not string text)
            {
                _ids.Add(-1);
                return true;
            }

            if (!_lookup.TryGetValue(text, out var id))
            {
                id = _strings.Count;
                _strings.Add(text);
                _lookup.Add(text, id);
            }

            _ids.Add(id);
            return true;
        }

        public override ColumnStore Reorder(int[] order)
        {
            var store = new TextStore { _strings = _strings, _lookup = _lookup };
            store._ids.AddRange(Permute(_ids, order));
            return store;
        }
    }
}
