using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Transforms;

/// <summary>
/// Binds the index date and evaluates every constant part of a query once (including <see cref="AddMonths"/> and
/// <see cref="FinancialYearStart"/>, which only take constants), so engines see only <see cref="Value"/> constants.
/// </summary>
public static class ConstantFolding
{
    /// <summary>The query with <see cref="IndexDate"/> bound to <paramref name="indexDate"/> and constants evaluated.</summary>
    public static CohortQuery Fold(CohortQuery query, DateOnly indexDate)
    {
        var folder = new Folder(indexDate);
        return new CohortQuery(
            folder.Series(query.Population),
            query.Columns.Select(c => c with { Value = folder.Series(c.Value) }).ToList());
    }

    /// <summary>The value of a constant series on <paramref name="indexDate"/>.</summary>
    /// <exception cref="CohortModelException">The series is not a constant.</exception>
    public static object? Evaluate(Series series, DateOnly indexDate)
    {
        if (series.Domain.Kind != DomainKind.Constant)
        {
            throw new CohortModelException("Only a constant can be evaluated before a query runs.");
        }

        return series switch
        {
            Value v => v.Constant,
            IndexDate => indexDate,
            AddMonths m => Scalar.AddMonths(Evaluate(m.Date, indexDate), m.Months),
            FinancialYearStart f => Scalar.FinancialYearStart(Evaluate(f.Date, indexDate)),
            AddDays a => Scalar.AddDays(Evaluate(a.Date, indexDate), Evaluate(a.Days, indexDate)),
            DaysBetween d => Scalar.DaysBetween(Evaluate(d.From, indexDate), Evaluate(d.To, indexDate)),
            YearsBetween y => Scalar.YearsBetween(Evaluate(y.From, indexDate), Evaluate(y.To, indexDate)),
            Unary u => Scalar.Unary(u.Operator, Evaluate(u.Operand, indexDate)),
            Binary b => Scalar.Binary(b.Operator, Evaluate(b.Left, indexDate), Evaluate(b.Right, indexDate), b.Type),
            InCodelist c => Evaluate(c.Code, indexDate) is string code ? c.Codelist.Contains(code) : null,
            Case c => Evaluate(c.When, indexDate) is true ? Evaluate(c.Then, indexDate) : c.Else is null ? null : Evaluate(c.Else, indexDate),
            Coalesce c => Evaluate(c.First, indexDate) ?? Evaluate(c.Second, indexDate),
            _ => throw new CohortModelException($"{series.GetType().Name} is not a constant."),
        };
    }

    private sealed class Folder(DateOnly indexDate)
    {
        private readonly Dictionary<Frame, Frame> _frames = [];

        public Series Series(Series series)
        {
            if (series is Value)
            {
                return series;
            }

            if (series.Domain.Kind == DomainKind.Constant)
            {
                return new Value(Evaluate(series, indexDate), series.Type);
            }

            return series switch
            {
                Column c => new Column(Frame(c.Frame), c.Name),
                Unary u => new Unary(u.Operator, Series(u.Operand)),
                Binary b => new Binary(b.Operator, Series(b.Left), Series(b.Right)),
                InCodelist c => new InCodelist(Series(c.Code), c.Codelist),
                AddDays a => new AddDays(Series(a.Date), Series(a.Days)),
                DaysBetween d => new DaysBetween(Series(d.From), Series(d.To)),
                YearsBetween y => new YearsBetween(Series(y.From), Series(y.To)),
                Case c => new Case(Series(c.When), Series(c.Then), c.Else is null ? null : Series(c.Else)),
                Coalesce c => new Coalesce(Series(c.First), Series(c.Second)),
                Aggregate a => new Aggregate(a.Function, Frame(a.Frame), a.Of is null ? null : Series(a.Of)),
                _ => throw new CohortModelException($"Unknown series {series.GetType().Name}."),
            };
        }

        public Frame Frame(Frame frame)
        {
            if (_frames.TryGetValue(frame, out var folded))
            {
                return folded;
            }

            folded = frame switch
            {
                TableFrame t => t,
                FilteredFrame f => new FilteredFrame(Frame(f.Source), Series(f.Condition)),
                PickedRow p => new PickedRow(Frame(p.Source), Series(p.SortBy), p.Position),
                _ => throw new CohortModelException($"Unknown frame {frame.GetType().Name}."),
            };
            _frames[frame] = folded;
            return folded;
        }
    }
}
