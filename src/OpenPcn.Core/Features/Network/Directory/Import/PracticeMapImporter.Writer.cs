using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory.Import;

internal static partial class PracticeMapImporter
{
    /// <summary>
    /// Writes a batch of map rows to the four directory tables. A sub-ICB location or PCN is written with the first
    /// row of the file that names it, and a change to it counts as a change to that row, so the counts add up to the
    /// rows read and a re-import reports every row unchanged.
    /// </summary>
    private sealed class Writer(ImportContext context) : IAsyncDisposable
    {
        private readonly BulkUpsert<DirectoryPractice> _practices = new(context.Db,
            UpsertColumn<DirectoryPractice>.Of(p => p.Code),
            UpsertColumn<DirectoryPractice>.Of(p => p.Name),
            UpsertColumn<DirectoryPractice>.Of(p => p.Postcode),
            UpsertColumn<DirectoryPractice>.Of(p => p.SubIcbCode),
            UpsertColumn<DirectoryPractice>.Of(p => p.IcbCode),
            UpsertColumn<DirectoryPractice>.Of(p => p.SupplierName));

        private readonly BulkUpsert<DirectorySubIcb> _subIcbs = new(context.Db,
            UpsertColumn<DirectorySubIcb>.Of(s => s.Code),
            UpsertColumn<DirectorySubIcb>.Of(s => s.Name),
            UpsertColumn<DirectorySubIcb>.Of(s => s.OnsCode),
            UpsertColumn<DirectorySubIcb>.Of(s => s.IcbCode),
            UpsertColumn<DirectorySubIcb>.Of(s => s.IcbName),
            UpsertColumn<DirectorySubIcb>.Of(s => s.IcbOnsCode),
            UpsertColumn<DirectorySubIcb>.Of(s => s.RegionCode),
            UpsertColumn<DirectorySubIcb>.Of(s => s.RegionName));

        private readonly BulkUpsert<DirectoryPcn> _pcns = new(context.Db,
            UpsertColumn<DirectoryPcn>.Of(p => p.Code),
            UpsertColumn<DirectoryPcn>.Of(p => p.Name),
            UpsertColumn<DirectoryPcn>.Of(p => p.SubIcbCode));

        // An older map imported after a newer one must not move "as at" back, nor "first seen" forward.
        private readonly BulkUpsert<DirectoryMembership> _memberships = new(context.Db,
            UpsertColumn<DirectoryMembership>.Of(m => m.PracticeCode),
            UpsertColumn<DirectoryMembership>.Of(m => m.PcnCode),
            UpsertColumn<DirectoryMembership>.Of(m => m.AsAt, UpsertPolicy.KeepLatest),
            UpsertColumn<DirectoryMembership>.Of(m => m.FirstAsAt, UpsertPolicy.KeepEarliest));

        private readonly HashSet<string> _seenSubIcbs = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _seenPcns = new(StringComparer.Ordinal);
        private readonly List<MapRow> _rows = [];

        public int BatchSize => Math.Min(_practices.BatchSize, _subIcbs.BatchSize);

        public int Count => _rows.Count;

        public void Add(MapRow row) => _rows.Add(row);

        public async ValueTask DisposeAsync()
        {
            await _practices.DisposeAsync();
            await _subIcbs.DisposeAsync();
            await _pcns.DisposeAsync();
            await _memberships.DisposeAsync();
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var changed = new bool[_rows.Count];
            var subIcbs = new List<(int Row, DirectorySubIcb Value)>();
            var pcns = new List<(int Row, DirectoryPcn Value)>();
            var memberships = new List<(int Row, DirectoryMembership Value)>();
            for (var i = 0; i < _rows.Count; i++)
            {
                var row = _rows[i];
                if (_seenSubIcbs.Add(row.SubIcb.Code))
                {
                    subIcbs.Add((i, row.SubIcb));
                }

                if (row.Pcn is { } pcn && _seenPcns.Add(pcn.Code.Value))
                {
                    pcns.Add((i, pcn));
                }

                if (row.Membership is { } membership)
                {
                    memberships.Add((i, membership));
                }
            }

            await MarkAsync(changed, subIcbs, _subIcbs, ct);
            await MarkAsync(changed, pcns, _pcns, ct);
            await MarkAsync(changed, memberships, _memberships, ct);
            var outcomes = await _practices.WriteAsync([.. _rows.Select(r => r.Practice)], ct);
            for (var i = 0; i < outcomes.Length; i++)
            {
                context.Count(outcomes[i] == UpsertOutcome.Inserted ? UpsertOutcome.Inserted
                    : outcomes[i] == UpsertOutcome.Updated || changed[i] ? UpsertOutcome.Updated
                    : UpsertOutcome.Unchanged);
            }

            _rows.Clear();
            context.ReportProgress();
        }

        private static async Task MarkAsync<T>(bool[] changed, List<(int Row, T Value)> items, BulkUpsert<T> upsert, CancellationToken ct)
            where T : class
        {
            if (items.Count == 0)
            {
                return;
            }

            var outcomes = await upsert.WriteAsync([.. items.Select(i => i.Value)], ct);
            for (var i = 0; i < outcomes.Length; i++)
            {
                changed[items[i].Row] |= outcomes[i] != UpsertOutcome.Unchanged;
            }
        }
    }
}
