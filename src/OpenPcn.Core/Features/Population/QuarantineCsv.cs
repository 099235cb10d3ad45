using System.Globalization;
using CsvHelper;
using OpenPcn.Core.Features.Network.Directory;

namespace OpenPcn.Core.Features.Population;

/// <summary>The rejected resources of an import as CSV: file, position, type, id and reason (no resource content).</summary>
public static class QuarantineCsv
{
    public static async Task WriteAsync(TextWriter output, IAsyncEnumerable<QuarantinedResource> rows, CancellationToken ct = default)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in (string[])["File", "Where", "Resource type", "Resource id", "Reason"])
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteField(RejectionsCsv.SafeCell(row.File));
            csv.WriteField(RejectionsCsv.SafeCell(row.Location));
            csv.WriteField(RejectionsCsv.SafeCell(row.ResourceType));
            csv.WriteField(RejectionsCsv.SafeCell(row.LogicalId));
            csv.WriteField(RejectionsCsv.SafeCell(row.Reason));
            await csv.NextRecordAsync();
        }
    }
}
