namespace OpenPcn.Core.Common;

/// <summary>
/// A request broke a rule of the domain. Pages show the errors beside the fields; the API answers 400 with a
/// validation ProblemDetails keyed by the same field names.
/// </summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public RuleViolationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>The thing asked for does not exist in the caller's network (or the caller may not see it).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request conflicts with the current state (a duplicate, an overlap with another network).</summary>
public sealed class ConflictException(string message) : Exception(message);
