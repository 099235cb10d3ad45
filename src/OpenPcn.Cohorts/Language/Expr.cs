using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Language;

/// <summary>A typed wrapper over a model <see cref="Model.Series"/>, the building block of the fluent language.</summary>
public abstract class Expr
{
    private protected Expr(Series series, CohortType type)
    {
        if (series.Type != type)
        {
            throw new CohortModelException($"Expected a {type} value, got {series.Type}.");
        }

        Series = series;
    }

    /// <summary>The model node.</summary>
    public Series Series { get; }

    /// <summary>True where the value is null (missing).</summary>
    public BoolExpr IsNull() => new(new Unary(UnaryOperator.IsNull, Series));

    /// <summary>True where the value is present.</summary>
    public BoolExpr IsNotNull() => new(new Unary(UnaryOperator.IsNotNull, Series));

    /// <summary>Wraps <paramref name="series"/> in the expression type for its type.</summary>
    public static Expr Wrap(Series series) => series.Type switch
    {
        CohortType.Boolean => new BoolExpr(series),
        CohortType.Integer => new IntExpr(series),
        CohortType.Decimal => new DecimalExpr(series),
        CohortType.Date => new DateExpr(series),
        _ => new TextExpr(series),
    };

    internal static T Wrap<T>(Series series)
        where T : Expr =>
        Wrap(series) as T ?? throw new CohortModelException($"A {series.Type} value is not a {typeof(T).Name}.");

    private protected static BoolExpr Compare(BinaryOperator op, Expr left, Expr right) => new(new Binary(op, left.Series, right.Series));
}

/// <summary>True, false or null.</summary>
public sealed class BoolExpr(Series series) : Expr(series, CohortType.Boolean)
{
    /// <summary>A constant.</summary>
    public static implicit operator BoolExpr(bool value) => new(new Value(value, CohortType.Boolean));

    /// <summary>Both (SQL three-valued logic).</summary>
    public static BoolExpr operator &(BoolExpr left, BoolExpr right) => Compare(BinaryOperator.And, left, right);

    /// <summary>Either (SQL three-valued logic).</summary>
    public static BoolExpr operator |(BoolExpr left, BoolExpr right) => Compare(BinaryOperator.Or, left, right);

    /// <summary>Not (null stays null).</summary>
    public static BoolExpr operator !(BoolExpr operand) => new(new Unary(UnaryOperator.Not, operand.Series));

    /// <summary>Never used: lets <c>&amp;&amp;</c> compile to the same three-valued and.</summary>
    public static bool operator true(BoolExpr operand) => false;

    /// <summary>Never used: lets <c>||</c> compile to the same three-valued or.</summary>
    public static bool operator false(BoolExpr operand) => false;

    /// <summary>Null (missing) treated as false.</summary>
    public BoolExpr OrFalse() => new(new Coalesce(Series, new Value(false, CohortType.Boolean)));

    /// <summary><c>BitwiseAnd</c> for languages without operators.</summary>
    public BoolExpr And(BoolExpr other) => this & other;

    /// <summary><c>BitwiseOr</c> for languages without operators.</summary>
    public BoolExpr Or(BoolExpr other) => this | other;

    /// <summary><c>LogicalNot</c> for languages without operators.</summary>
    public BoolExpr Not() => !this;
}

/// <summary>An integer or a decimal.</summary>
public abstract class NumberExpr : Expr
{
    private protected NumberExpr(Series series, CohortType type)
        : base(series, type)
    {
    }

    /// <summary>A decimal constant.</summary>
    public static implicit operator NumberExpr(double value) => new DecimalExpr(new Value(value, CohortType.Decimal));

    /// <summary>Less than.</summary>
    public static BoolExpr operator <(NumberExpr left, NumberExpr right) => Compare(BinaryOperator.LessThan, left, right);

    /// <summary>Greater than.</summary>
    public static BoolExpr operator >(NumberExpr left, NumberExpr right) => Compare(BinaryOperator.GreaterThan, left, right);

    /// <summary>Less than or equal.</summary>
    public static BoolExpr operator <=(NumberExpr left, NumberExpr right) => Compare(BinaryOperator.LessThanOrEqual, left, right);

    /// <summary>Greater than or equal.</summary>
    public static BoolExpr operator >=(NumberExpr left, NumberExpr right) => Compare(BinaryOperator.GreaterThanOrEqual, left, right);

    /// <summary>Equal (use instead of <c>==</c>).</summary>
    public BoolExpr Is(NumberExpr other) => Compare(BinaryOperator.Equal, this, other);

    /// <summary>Not equal.</summary>
    public BoolExpr IsNot(NumberExpr other) => Compare(BinaryOperator.NotEqual, this, other);

    /// <summary><c>Less than</c> for languages without operators.</summary>
    public BoolExpr LessThan(NumberExpr other) => this < other;

    /// <summary><c>Greater than</c> for languages without operators.</summary>
    public BoolExpr GreaterThan(NumberExpr other) => this > other;

    /// <summary><c>Less than or equal</c> for languages without operators.</summary>
    public BoolExpr AtMost(NumberExpr other) => this <= other;

    /// <summary><c>Greater than or equal</c> for languages without operators.</summary>
    public BoolExpr AtLeast(NumberExpr other) => this >= other;
}

/// <summary>A whole number.</summary>
public sealed class IntExpr(Series series) : NumberExpr(series, CohortType.Integer)
{
    /// <summary>A constant.</summary>
    public static implicit operator IntExpr(long value) => new(new Value(value, CohortType.Integer));

    /// <summary>Sum.</summary>
    public static IntExpr operator +(IntExpr left, IntExpr right) => new(new Binary(BinaryOperator.Add, left.Series, right.Series));

    /// <summary>Difference.</summary>
    public static IntExpr operator -(IntExpr left, IntExpr right) => new(new Binary(BinaryOperator.Subtract, left.Series, right.Series));

    /// <summary><c>+</c> for languages without operators.</summary>
    public IntExpr Add(IntExpr other) => this + other;

    /// <summary><c>-</c> for languages without operators.</summary>
    public IntExpr Subtract(IntExpr other) => this - other;

    /// <summary>This value, or <paramref name="fallback"/> where it is null.</summary>
    public IntExpr Or(IntExpr fallback) => new(new Coalesce(Series, fallback.Series));
}

/// <summary>A number with a fraction.</summary>
public sealed class DecimalExpr(Series series) : NumberExpr(series, CohortType.Decimal)
{
    /// <summary>A constant.</summary>
    public static implicit operator DecimalExpr(double value) => new(new Value(value, CohortType.Decimal));

    /// <summary>This value, or <paramref name="fallback"/> where it is null.</summary>
    public DecimalExpr Or(DecimalExpr fallback) => new(new Coalesce(Series, fallback.Series));
}

/// <summary>Text: a code, a practice code, a category.</summary>
public sealed class TextExpr(Series series) : Expr(series, CohortType.Text)
{
    /// <summary>A constant.</summary>
    public static implicit operator TextExpr(string value) => new(new Value(value, CohortType.Text));

    /// <summary>Equal.</summary>
    public BoolExpr Is(TextExpr other) => Compare(BinaryOperator.Equal, this, other);

    /// <summary>Not equal.</summary>
    public BoolExpr IsNot(TextExpr other) => Compare(BinaryOperator.NotEqual, this, other);

    /// <summary>Whether the code is in the codelist.</summary>
    public BoolExpr IsIn(Codelist codelist) => new(new InCodelist(Series, codelist));

    /// <summary>This value, or <paramref name="fallback"/> where it is null.</summary>
    public TextExpr Or(TextExpr fallback) => new(new Coalesce(Series, fallback.Series));
}
