using System.Globalization;
using System.Text.Json;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Language.Json;

/// <summary>
/// Reads query model nodes from JSON, naming the path of the node (e.g. <c>population.left.frame</c>) in every
/// error. Codelists are looked up by id through a callback.
/// </summary>
internal sealed class JsonQueryReader(Func<string, Codelist> codelists)
{
    /// <summary>The deepest nesting of series and frames a definition may have.</summary>
    public const int MaxNodeDepth = 64;

    private readonly Dictionary<string, Codelist> _codelists = new(StringComparer.Ordinal);

    public CohortQuery Query(JsonElement element, string path)
    {
        RequireObject(element, path);
        var population = Series(Property(element, "population", path), Join(path, "population"), 1);
        var columns = new List<QueryColumn>();
        var array = Property(element, "columns", path);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Error(Join(path, "columns"), "must be an array");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{Join(path, "columns")}[{index++}]";
            RequireObject(item, itemPath);
            var name = String(item, "name", itemPath);
            var value = Series(Property(item, "value", itemPath), Join(itemPath, "value"), 1);
            columns.Add(new QueryColumn(name, value));
        }

        return Build(path, () => new CohortQuery(population, columns));
    }

    public Codelist Codelist(string id, string path)
    {
        if (_codelists.TryGetValue(id, out var known))
        {
            return known;
        }

        Codelist? codelist;
        try
        {
            codelist = Build(path, () => codelists(id));
        }
        catch (KeyNotFoundException)
        {
            codelist = null;
        }

        if (codelist is null)
        {
            throw Error(path, $"there is no codelist {id}");
        }

        if (codelist.Id != id)
        {
            throw Error(path, $"codelist {id} was resolved to {codelist.Id}");
        }

        _codelists[id] = codelist;
        return codelist;
    }

    public Series Series(JsonElement element, string path, int depth)
    {
        RequireObject(element, path);
        if (depth > MaxNodeDepth)
        {
            throw Error(path, $"nests deeper than {MaxNodeDepth} levels");
        }

        var op = String(element, "op", path);
        Series Child(string name) => Series(Property(element, name, path), Join(path, name), depth + 1);
        Series? Optional(string name) => element.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null
            ? Series(child, Join(path, name), depth + 1)
            : null;

        if (JsonNames.UnaryByName.TryGetValue(op, out var unary))
        {
            var operand = Child("operand");
            return Build(path, () => new Unary(unary, operand));
        }

        if (JsonNames.BinaryByName.TryGetValue(op, out var binary))
        {
            var (left, right) = (Child("left"), Child("right"));
            return Build(path, () => new Binary(binary, left, right));
        }

        if (JsonNames.AggregateByName.TryGetValue(op, out var function))
        {
            var frame = Frame(Property(element, "frame", path), Join(path, "frame"), depth + 1);
            var of = Optional("of");
            return Build(path, () => new Aggregate(function, frame, of));
        }

        switch (op)
        {
            case "value":
                return Value(element, path);
            case "index_date":
                return new IndexDate();
            case "column":
                var columnFrame = Frame(Property(element, "frame", path), Join(path, "frame"), depth + 1);
                var name = String(element, "name", path);
                return Build(path, () => new Column(columnFrame, name));
            case "in_codelist":
                var code = Child("code");
                var codelist = Codelist(String(element, "codelist", path), Join(path, "codelist"));
                return Build(path, () => new InCodelist(code, codelist));
            case "add_days":
                var (date, days) = (Child("date"), Child("days"));
                return Build(path, () => new AddDays(date, days));
            case "add_months":
                var moved = Child("date");
                var months = Property(element, "months", path);
                if (months.ValueKind != JsonValueKind.Number || !months.TryGetInt32(out var count))
                {
                    throw Error(Join(path, "months"), "must be a whole number");
                }

                return Build(path, () => new AddMonths(moved, count));
            case "financial_year_start":
                var of = Child("date");
                return Build(path, () => new FinancialYearStart(of));
            case "days_between":
                var (from, to) = (Child("from"), Child("to"));
                return Build(path, () => new DaysBetween(from, to));
            case "years_between":
                var (born, on) = (Child("from"), Child("to"));
                return Build(path, () => new YearsBetween(born, on));
            case "case":
                var (when, then) = (Child("when"), Child("then"));
                var otherwise = Optional("else");
                return Build(path, () => new Case(when, then, otherwise));
            case "coalesce":
                var (first, second) = (Child("first"), Child("second"));
                return Build(path, () => new Coalesce(first, second));
            default:
                throw Error(Join(path, "op"), $"unknown op '{op}'");
        }
    }

    private Frame Frame(JsonElement element, string path, int depth)
    {
        RequireObject(element, path);
        if (depth > MaxNodeDepth)
        {
            throw Error(path, $"nests deeper than {MaxNodeDepth} levels");
        }

        var kind = String(element, "frame", path);
        switch (kind)
        {
            case "table":
                var table = String(element, "table", path);
                return Build(Join(path, "table"), () => new TableFrame(CohortTables.Named(table)));
            case "where":
                var source = Frame(Property(element, "source", path), Join(path, "source"), depth + 1);
                var condition = Series(Property(element, "condition", path), Join(path, "condition"), depth + 1);
                return Build(path, () => new FilteredFrame(source, condition));
            case "first" or "last":
                var picked = Frame(Property(element, "source", path), Join(path, "source"), depth + 1);
                var sortBy = Series(Property(element, "sort_by", path), Join(path, "sort_by"), depth + 1);
                var position = kind == "first" ? PickPosition.First : PickPosition.Last;
                return Build(path, () => new PickedRow(picked, sortBy, position));
            default:
                throw Error(Join(path, "frame"), $"unknown frame '{kind}' (table, where, first or last)");
        }
    }

    private static Value Value(JsonElement element, string path)
    {
        var typeName = String(element, "type", path);
        if (!JsonNames.TypeByName.TryGetValue(typeName, out var type))
        {
            throw Error(Join(path, "type"), $"unknown type '{typeName}' ({string.Join(", ", JsonNames.Types.Values)})");
        }

        var value = Property(element, "value", path);
        var valuePath = Join(path, "value");
        object? constant = (value.ValueKind, type) switch
        {
            (JsonValueKind.Null, _) => null,
            (JsonValueKind.True or JsonValueKind.False, CohortType.Boolean) => value.GetBoolean(),
            (JsonValueKind.Number, CohortType.Integer) => value.TryGetInt64(out var l) ? l : throw Error(valuePath, "must be a whole number"),
            (JsonValueKind.Number, CohortType.Decimal) => value.GetDouble(),
            (JsonValueKind.String, CohortType.Date) => DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Error(valuePath, "must be a date written yyyy-MM-dd"),
            (JsonValueKind.String, CohortType.Text) => value.GetString(),
            _ => throw Error(valuePath, $"a {value.ValueKind.ToString().ToLowerInvariant()} is not a {typeName}"),
        };
        return Build(path, () => new Value(constant, type));
    }

    internal static JsonElement Property(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? value : throw Error(path, $"needs '{name}'");

    internal static string String(JsonElement element, string name, string path)
    {
        var value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(Join(path, name), "must be a string");
    }

    internal static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"must be an object, not {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    internal static CohortModelException Error(string path, string message) =>
        new($"At {(path.Length == 0 ? "the top" : path)}: {message}.");

    /// <summary>Builds a node, adding the path to the model's own message when its checks fail.</summary>
    internal static T Build<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (CohortModelException e) when (!e.Message.StartsWith("At ", StringComparison.Ordinal))
        {
            throw new CohortModelException($"At {(path.Length == 0 ? "the top" : path)}: {e.Message}");
        }
    }
}
