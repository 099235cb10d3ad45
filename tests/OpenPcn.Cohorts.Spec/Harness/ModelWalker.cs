using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>Names every node kind (with its operator) in a series, to check that the cases cover the model.</summary>
public static class ModelWalker
{
    /// <summary>Every node kind a query can hold, as <see cref="Visit(Series, ISet{string})"/> names them.</summary>
    public static IReadOnlyList<string> AllNodeKinds { get; } =
    [
        nameof(Value), nameof(IndexDate), nameof(Column), nameof(Case), nameof(Coalesce), nameof(AddDays), nameof(AddMonths),
        nameof(FinancialYearStart), nameof(DaysBetween), nameof(YearsBetween), nameof(InCodelist),
        nameof(TableFrame), nameof(FilteredFrame), "PickedRow.First", "PickedRow.Last",
        .. Enum.GetNames<UnaryOperator>().Select(o => $"Unary.{o}"),
        .. Enum.GetNames<BinaryOperator>().Select(o => $"Binary.{o}"),
        .. Enum.GetNames<AggregateFunction>().Select(f => $"Aggregate.{f}"),
    ];

    public static void Visit(Series series, ISet<string> seen)
    {
        switch (series)
        {
            case Unary u:
                seen.Add($"Unary.{u.Operator}");
                Visit(u.Operand, seen);
                return;
            case Binary b:
                seen.Add($"Binary.{b.Operator}");
                Visit(b.Left, seen);
                Visit(b.Right, seen);
                return;
            case Aggregate a:
                seen.Add($"Aggregate.{a.Function}");
                Visit(a.Frame, seen);
                if (a.Of is not null)
                {
                    Visit(a.Of, seen);
                }

                return;
        }

        seen.Add(series.GetType().Name);
        foreach (var child in Children(series))
        {
            Visit(child, seen);
        }

        if (series is Column c)
        {
            Visit(c.Frame, seen);
        }
    }

    private static void Visit(Frame frame, ISet<string> seen)
    {
        switch (frame)
        {
            case TableFrame:
                seen.Add(nameof(TableFrame));
                break;
            case FilteredFrame f:
                seen.Add(nameof(FilteredFrame));
                Visit(f.Source, seen);
                Visit(f.Condition, seen);
                break;
            case PickedRow p:
                seen.Add($"PickedRow.{p.Position}");
                Visit(p.Source, seen);
                Visit(p.SortBy, seen);
                break;
        }
    }

    private static IEnumerable<Series> Children(Series series) => series switch
    {
        InCodelist c => [c.Code],
        AddDays a => [a.Date, a.Days],
        AddMonths m => [m.Date],
        FinancialYearStart f => [f.Date],
        DaysBetween d => [d.From, d.To],
        YearsBetween y => [y.From, y.To],
        Case c => c.Else is null ? [c.When, c.Then] : [c.When, c.Then, c.Else],
        Coalesce c => [c.First, c.Second],
        _ => [],
    };
}
