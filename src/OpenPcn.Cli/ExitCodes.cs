namespace OpenPcn.Cli;

/// <summary>What <c>openpcn</c> returns, so scripts can tell a partial import from a failure.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>The work was done but some records were rejected (see the report).</summary>
    public const int DoneWithRejections = 2;
}
