namespace OpenPcn.Core.Features.Population;

/// <summary>Makes and finishes <see cref="RecordImport"/> rows on behalf of the web host's import queue.</summary>
internal static class RecordImportQueueing
{
    /// <summary>The longest error kept on a run (the column's length).</summary>
    public const int MaxErrorLength = 2000;

    public static RecordImport Queued(int pcnId, string source, string? startedBy, DateTimeOffset at)
    {
        var name = source.Length > 400 ? source[^400..] : source;
        return new RecordImport(pcnId, Guid.CreateVersion7(at), name, startedBy, at);
    }

    /// <summary>Marks a run that did not finish by itself; a run the importer already finished keeps its outcome.</summary>
    public static bool MarkUnfinished(RecordImport run, RecordImportStatus status, DateTimeOffset at, string error)
    {
        if (run.Status is not (RecordImportStatus.Queued or RecordImportStatus.Running))
        {
            return false;
        }

        run.Finish(status, at, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
        return true;
    }
}
