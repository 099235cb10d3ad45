using System.Text;
using System.Threading.Channels;
using OpenPcn.Fhir.Import;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

public sealed class ResourceReaderTests
{
    [Fact]
    public async Task ReadAsync_NdJsonFileFailsMidRead_EmitsItsLinesUnderItsNameBeforeTheNextFile()
    {
        // 3,000 lines (several chunks in flight), the stream failing part-way like a corrupt zip entry.
        var a = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(1, 3000).Select(i => Observation($"a{i}", "p1"))) + "\n");
        var failAt = a.Length * 3 / 4;
        var linesBeforeFailure = a.AsSpan(0, failAt).Count((byte)'\n');
        var b = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(1, 700).Select(i => Observation($"b{i}", "p1"))) + "\n");
        InputFile[] files =
        [
            new("a.ndjson", InputFormat.NdJson, a.Length, 4, () => new ScriptedStream(a, failAt, a.Length)),
            new("b.ndjson", InputFormat.NdJson, b.Length, 4, () => new MemoryStream(b)),
        ];

        var items = await ReadAllAsync(files);

        var lines = items.Where(i => i.Location.StartsWith("line ", StringComparison.Ordinal)).ToList();
        var fromA = lines.TakeWhile(i => i.File == "a.ndjson").ToList();
        Assert.Equal(Enumerable.Range(1, linesBeforeFailure).Select(n => $"line {n}"), fromA.Select(i => i.Location));
        Assert.All(fromA, i => Assert.Equal("a" + i.Location[5..], i.LogicalId));
        var rejection = items.FindIndex(i => i.File == "a.ndjson" && i.Location == "file");
        Assert.StartsWith("unreadable file", items[rejection].Reason, StringComparison.Ordinal);
        Assert.True(rejection > items.IndexOf(fromA[^1]));
        var fromB = lines.Skip(fromA.Count).ToList();
        Assert.Equal(Enumerable.Range(1, 700).Select(n => $"line {n}"), fromB.Select(i => i.Location));
        Assert.All(fromB, i => Assert.Equal("b.ndjson", i.File));
        Assert.All(fromB, i => Assert.Equal("b" + i.Location[5..], i.LogicalId));
    }

    [Fact]
    public async Task ReadAsync_MedicationRequestsReferringToMedicationsOfTheChunkBefore_ResolveEveryOne()
    {
        // Chunks are 512 lines: each chunk's requests refer to the Medications of the chunk before it.
        var lines = new List<string>();
        for (var chunk = 0; chunk < 12; chunk++)
        {
            for (var i = 0; i < 256; i++)
            {
                lines.Add($$$"""{"resourceType":"Medication","id":"med{{{chunk}}}-{{{i}}}","code":{"coding":[{"system":"https://dmd.nhs.uk","code":"{{{1000 + (chunk * 1000) + i}}}"}]}}""");
                lines.Add(chunk == 0 ? lines[^1].Replace("\"med0-", "\"spare0-", StringComparison.Ordinal)
                    : $$$"""{"resourceType":"MedicationRequest","id":"mr{{{chunk}}}-{{{i}}}","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationReference":{"reference":"Medication/med{{{chunk - 1}}}-{{{i}}}"},"authoredOn":"2024-01-10"}""");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

        var items = await ReadAllAsync([new("m.ndjson", InputFormat.NdJson, bytes.Length, 4, () => new MemoryStream(bytes))]);

        var requests = items.Where(i => i.ResourceType == "MedicationRequest").ToList();
        Assert.Equal(11 * 256, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(ItemKind.Record, r.Kind);
            var parts = r.LogicalId![2..].Split('-').Select(int.Parse).ToArray();
            Assert.Equal((1000 + ((parts[0] - 1) * 1000) + parts[1]).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(r.Medicines!).Code);
        });
    }

    [Fact]
    public async Task ReadAsync_DocumentLargerThanItsStatedLength_RejectedAtTheLimit()
    {
        // A zip entry may state a small length and hold far more: reading stops at the limit.
        var size = ResourceReader.MaxDocumentBytes + (1 << 20);
        var stream = new ScriptedStream([], failAt: long.MaxValue, size);

        var items = await ReadAllAsync([new("big.json", InputFormat.Json, 100, 4, () => stream)]);

        var rejected = Assert.Single(items, i => i.Kind == ItemKind.Rejected);
        Assert.Equal("file", rejected.Location);
        Assert.Contains("export NDJSON instead", rejected.Reason, StringComparison.Ordinal);
        Assert.True(stream.Position <= ResourceReader.MaxDocumentBytes + (1 << 16));
    }

    private static async Task<List<ImportItem>> ReadAllAsync(IReadOnlyList<InputFile> files)
    {
        var channel = Channel.CreateUnbounded<ImportItem[]>();
        var reader = new ResourceReader(new ResourceMapper(), channel.Writer, new ImportCounters());
        await reader.ReadAsync(files, CancellationToken.None);
        channel.Writer.Complete();
        var items = new List<ImportItem>();
        await foreach (var batch in channel.Reader.ReadAllAsync())
        {
            items.AddRange(batch.Where(i => i.Reason != ResourceReader.FileStart));
        }

        return items;
    }

    /// <summary>Serves <c>data</c> (then spaces up to <c>length</c>) 64 KB at a time; throws once <c>failAt</c> bytes are read.</summary>
    private sealed class ScriptedStream(byte[] data, long failAt, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= failAt)
            {
                throw new InvalidDataException("Corrupt entry.");
            }

            var n = (int)Math.Min(Math.Min(buffer.Length, 1 << 16), Math.Min(failAt, length) - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[i] = at < data.Length ? data[at] : (byte)' ';
            }

            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
