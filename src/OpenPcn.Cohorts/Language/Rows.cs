using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Language;

/// <summary>
/// The rows of a table in the fluent language: event rows that can be filtered, picked and aggregated, or one row
/// per patient (a picked row) whose columns are patient values. <typeparamref name="TSelf"/> is the table's own
/// class, so its columns are properties.
/// </summary>
public abstract class Rows<TSelf>
    where TSelf : Rows<TSelf>
{
    private protected Rows(Frame frame) => Frame = frame;

    /// <summary>The model frame.</summary>
    public Frame Frame { get; }

    /// <summary>The rows where <paramref name="condition"/> is true.</summary>
    public TSelf Where(Func<TSelf, BoolExpr> condition) => Wrap(new FilteredFrame(Frame, condition((TSelf)this).Series));

    /// <summary>Per patient, the row with the latest value of <paramref name="sortBy"/> (ties: the last imported).</summary>
    public TSelf Latest(Func<TSelf, Expr> sortBy) => Wrap(new PickedRow(Frame, sortBy((TSelf)this).Series, PickPosition.Last));

    /// <summary>Per patient, the row with the earliest value of <paramref name="sortBy"/> (ties: the first imported).</summary>
    public TSelf Earliest(Func<TSelf, Expr> sortBy) => Wrap(new PickedRow(Frame, sortBy((TSelf)this).Series, PickPosition.First));

    /// <summary>Whether the patient has any of these rows.</summary>
    public BoolExpr Exists() => new(new Aggregate(AggregateFunction.Exists, Frame, null));

    /// <summary>How many of these rows the patient has.</summary>
    public IntExpr Count() => new(new Aggregate(AggregateFunction.Count, Frame, null));

    /// <summary>How many different values of <paramref name="of"/> the patient's rows have.</summary>
    public IntExpr CountDistinct(Func<TSelf, Expr> of) => new(new Aggregate(AggregateFunction.CountDistinct, Frame, of((TSelf)this).Series));

    /// <summary>The smallest value of <paramref name="of"/> over the patient's rows.</summary>
    public T Minimum<T>(Func<TSelf, T> of)
        where T : Expr => Expr.Wrap<T>(new Aggregate(AggregateFunction.Minimum, Frame, of((TSelf)this).Series));

    /// <summary>The largest value of <paramref name="of"/> over the patient's rows.</summary>
    public T Maximum<T>(Func<TSelf, T> of)
        where T : Expr => Expr.Wrap<T>(new Aggregate(AggregateFunction.Maximum, Frame, of((TSelf)this).Series));

    /// <summary>The sum of <paramref name="of"/> over the patient's rows.</summary>
    public T Sum<T>(Func<TSelf, T> of)
        where T : NumberExpr => Expr.Wrap<T>(new Aggregate(AggregateFunction.Sum, Frame, of((TSelf)this).Series));

    /// <summary>A column of these rows by name.</summary>
    public Expr Column(string name) => Expr.Wrap(new Column(Frame, name));

    private protected abstract TSelf Wrap(Frame frame);

    private protected TextExpr TextColumn(string name) => new(new Column(Frame, name));

    private protected DateExpr DateColumn(string name) => new(new Column(Frame, name));

    private protected DecimalExpr DecimalColumn(string name) => new(new Column(Frame, name));

    private protected IntExpr IntegerColumn(string name) => new(new Column(Frame, name));
}
