namespace OpenPcn.Cohorts.Model;

/// <summary>
/// A value per patient, per event row, or a constant: the nodes of a definition. Every node checks its operands'
/// types and domains in its constructor and throws <see cref="CohortModelException"/> when they do not fit.
/// </summary>
public abstract record Series
{
    /// <summary>The type of the values.</summary>
    public abstract CohortType Type { get; }

    /// <summary>How many values there are per patient.</summary>
    public abstract Domain Domain { get; }

    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new CohortModelException(message);
        }
    }
}

/// <summary>A constant: <c>bool</c>, <c>long</c>, <c>double</c>, <see cref="DateOnly"/>, <c>string</c> or null.</summary>
public sealed record Value : Series
{
    /// <summary>A constant of type <paramref name="type"/>; <paramref name="constant"/> must be that type's CLR value or null.</summary>
    public Value(object? constant, CohortType type)
    {
        Require(
            constant is null || constant switch
            {
                bool => type == CohortType.Boolean,
                long => type == CohortType.Integer,
                double d => type == CohortType.Decimal && double.IsFinite(d),
                DateOnly => type == CohortType.Date,
                string => type == CohortType.Text,
                _ => false,
            },
            $"The constant {constant} ({constant?.GetType().Name}) is not a {type}.");
        Constant = constant;
        Type = type;
    }

    /// <summary>The value (null for a typed null).</summary>
    public object? Constant { get; }

    /// <inheritdoc />
    public override CohortType Type { get; }

    /// <inheritdoc />
    public override Domain Domain => Domain.Constant;
}

/// <summary>The date the definition is run for (today, or <c>--as-of</c>): a constant bound at run time.</summary>
public sealed record IndexDate : Series
{
    /// <inheritdoc />
    public override CohortType Type => CohortType.Date;

    /// <inheritdoc />
    public override Domain Domain => Domain.Constant;
}

/// <summary>A column of a frame: per patient for a patient frame, per row for an event frame.</summary>
public sealed record Column : Series
{
    /// <summary>The column <paramref name="name"/> of <paramref name="frame"/>.</summary>
    public Column(Frame frame, string name)
    {
        Frame = frame;
        Name = name;
        Type = frame.Table.Column(name).Type;
    }

    /// <summary>The frame.</summary>
    public Frame Frame { get; }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override CohortType Type { get; }

    /// <inheritdoc />
    public override Domain Domain => Frame.RowDomain;
}

/// <summary>Operators on one value.</summary>
public enum UnaryOperator
{
    /// <summary>Logical not; not null is null.</summary>
    Not,

    /// <summary>True when the value is null (never null itself).</summary>
    IsNull,

    /// <summary>True when the value is not null (never null itself).</summary>
    IsNotNull,
}

/// <summary>A unary operator applied to a series.</summary>
public sealed record Unary : Series
{
    /// <summary><paramref name="op"/> applied to <paramref name="operand"/>.</summary>
    public Unary(UnaryOperator op, Series operand)
    {
        Require(op != UnaryOperator.Not || operand.Type == CohortType.Boolean, $"Not needs true or false, not {operand.Type}.");
        Operator = op;
        Operand = operand;
    }

    /// <summary>The operator.</summary>
    public UnaryOperator Operator { get; }

    /// <summary>The operand.</summary>
    public Series Operand { get; }

    /// <inheritdoc />
    public override CohortType Type => CohortType.Boolean;

    /// <inheritdoc />
    public override Domain Domain => Operand.Domain;
}

/// <summary>Operators on two values. Any null operand gives null, except as SQL's three-valued and/or say.</summary>
public enum BinaryOperator
{
    /// <summary>Logical and (false and null is false).</summary>
    And,

    /// <summary>Logical or (true or null is true).</summary>
    Or,

    /// <summary>Equal.</summary>
    Equal,

    /// <summary>Not equal.</summary>
    NotEqual,

    /// <summary>Less than (numbers and dates).</summary>
    LessThan,

    /// <summary>Less than or equal (numbers and dates).</summary>
    LessThanOrEqual,

    /// <summary>Greater than (numbers and dates).</summary>
    GreaterThan,

    /// <summary>Greater than or equal (numbers and dates).</summary>
    GreaterThanOrEqual,

    /// <summary>Sum of two numbers (integer if both are).</summary>
    Add,

    /// <summary>Difference of two numbers (integer if both are).</summary>
    Subtract,
}

/// <summary>A binary operator applied to two series of one domain (or a series and a constant or patient value).</summary>
public sealed record Binary : Series
{
    /// <summary><paramref name="left"/> <paramref name="op"/> <paramref name="right"/>.</summary>
    public Binary(BinaryOperator op, Series left, Series right)
    {
        Domain = Domain.Combine(left.Domain, right.Domain);
        switch (op)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                Require(left.Type == CohortType.Boolean && right.Type == CohortType.Boolean, $"{op} needs true or false on both sides, not {left.Type} and {right.Type}.");
                Type = CohortType.Boolean;
                break;
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                Require(left.Type.ComparableWith(right.Type), $"Cannot compare {left.Type} with {right.Type}.");
                Type = CohortType.Boolean;
                break;
            case BinaryOperator.Add or BinaryOperator.Subtract:
                Require(left.Type.IsNumeric() && right.Type.IsNumeric(), $"{op} needs numbers, not {left.Type} and {right.Type}; use AddDays for dates.");
                Type = left.Type == CohortType.Integer && right.Type == CohortType.Integer ? CohortType.Integer : CohortType.Decimal;
                break;
            default:
                Require(left.Type.ComparableWith(right.Type), $"Cannot compare {left.Type} with {right.Type}.");
                Require(left.Type.IsOrdered(), $"{op} needs numbers or dates, not {left.Type}; text is compared only for equality.");
                Type = CohortType.Boolean;
                break;
        }

        Operator = op;
        Left = left;
        Right = right;
    }

    /// <summary>The operator.</summary>
    public BinaryOperator Operator { get; }

    /// <summary>The left operand.</summary>
    public Series Left { get; }

    /// <summary>The right operand.</summary>
    public Series Right { get; }

    /// <inheritdoc />
    public override CohortType Type { get; }

    /// <inheritdoc />
    public override Domain Domain { get; }
}

/// <summary>True when a code is in a codelist (null when the code is null).</summary>
public sealed record InCodelist : Series
{
    /// <summary>Whether <paramref name="code"/> is one of <paramref name="codelist"/>'s codes.</summary>
    public InCodelist(Series code, Codelist codelist)
    {
        Require(code.Type == CohortType.Text, $"Only text (a code) can be looked up in a codelist, not {code.Type}.");
        Code = code;
        Codelist = codelist;
    }

    /// <summary>The code.</summary>
    public Series Code { get; }

    /// <summary>The codelist.</summary>
    public Codelist Codelist { get; }

    /// <inheritdoc />
    public override CohortType Type => CohortType.Boolean;

    /// <inheritdoc />
    public override Domain Domain => Code.Domain;
}
