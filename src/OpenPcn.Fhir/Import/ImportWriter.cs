using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Consumes the reader's items on the caller's task and writes them in chunk transactions of
/// <see cref="ChunkSize"/> resources: a kill or cancellation loses at most the open chunk, and because every resource
/// is hashed a re-run skips what was committed and ends with the same database as one clean run.
/// </summary>
internal sealed partial class ImportWriter : IDisposable
{
    public const int ChunkSize = 20_000;
    private const int ProgressEvery = 5_000;

    private readonly PcnDbContext _db;
    private readonly ImportNetwork _network;
    private readonly ImportCounters _counters;
    private readonly PracticeCode? _defaultPractice;
    private readonly Func<int, Task<RecordImport>> _startRun;
    private readonly IProgress<FhirImportProgress>? _progress;
    private readonly Dictionary<string, long> _patientsByNhsNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _patientsByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _organisations = new(StringComparer.Ordinal);

    // Patient → the SourceKeys of its Patient resources (which hold its fallback registration), and the patients with
    // a registration from an EpisodeOfCare (who get no fallback): from the database at the start, then this run.
    private readonly Dictionary<long, List<long>> _patientSources = [];
    private readonly HashSet<long> _registeredByEpisode = [];
    private readonly List<ImportItem> _pending = [];
    private readonly SeenResources _seen = new();
    private RecordStore _store = null!;
    private IDbContextTransaction? _transaction;
    private long _lastSourceKey;
    private long _lastPatientId;
    private int _quarantineSeq;
    private int _inChunk;
    private string? _file;
    private bool _connectionOpened;

    public ImportWriter(PcnDbContext db, ImportNetwork network, ImportCounters counters, PracticeCode? defaultPractice,
        Func<int, Task<RecordImport>> startRun, IProgress<FhirImportProgress>? progress)
    {
        _db = db;
        _network = network;
        _counters = counters;
        _defaultPractice = defaultPractice;
        _startRun = startRun;
        _progress = progress;
    }

    /// <summary>The run's row, once the network is known.</summary>
    public RecordImport? Run { get; private set; }

    /// <summary>Counts as of the last commit (what the database holds for a run that stops part-way).</summary>
    public (int Read, int Accepted, int Skipped, int Rejected, string Json) Committed { get; private set; } = (0, 0, 0, 0, "{}");

    public async Task RunAsync(ChannelReader<ImportItem[]> input, CancellationToken ct)
    {
        if (_network.Pcn is not null)
        {
            await StartAsync(ct);
        }

        await foreach (var batch in input.ReadAllAsync(ct))
        {
            foreach (var item in batch)
            {
                ct.ThrowIfCancellationRequested();
                if (item.Reason == ResourceReader.FileStart && item.ResourceType is null)
                {
                    _file = item.File;
                    _progress?.Report(_counters.Progress(_file));
                    continue;
                }

                if (Run is null)
                {
                    await BeforeNetworkAsync(item, ct);
                    continue;
                }

                await ProcessAsync(item, ct);
                if (++_inChunk >= ChunkSize)
                {
                    await CommitAsync(ct);
                }
                else if (_inChunk % ProgressEvery == 0)
                {
                    _progress?.Report(_counters.Progress(_file));
                }
            }
        }

        if (Run is null)
        {
            throw new NoNetworkException();
        }

        await CommitAsync(ct, reopen: false);
    }

    /// <summary>
    /// Until the network is known (from the request, the scope, or the PCN Organization in the data) items wait; a
    /// record before any PCN Organization falls back to the only network in the database.
    /// </summary>
    private async Task BeforeNetworkAsync(ImportItem item, CancellationToken ct)
    {
        _pending.Add(item);
        if (item.Kind == ItemKind.Organisation && PcnCode.TryParse(item.Organisation!.OdsCode, out _))
        {
            await _network.FindOrCreateAsync(item.Organisation, ct);
        }
        else if (item.Kind is ItemKind.Patient or ItemKind.Episode or ItemKind.Record && !await _network.UseOnlyNetworkAsync(ct))
        {
            throw new NoNetworkException();
        }

        if (_network.Pcn is not null)
        {
            await StartAsync(ct);

            // A practice listed before its PCN refers to an Organization this run has now seen.
            foreach (var org in _pending.Where(p => p.Kind == ItemKind.Organisation))
            {
                Remember(_organisations, org, org.Organisation!.OdsCode);
            }

            foreach (var waiting in _pending)
            {
                await ProcessAsync(waiting, ct);
                _inChunk++;
            }

            _pending.Clear();
        }
    }

    private async Task StartAsync(CancellationToken ct)
    {
        // Held open for the whole run: the prepared statements belong to this connection, and EF would otherwise close
        // it (returning it to the pool) as each chunk's transaction ends.
        await _db.Database.OpenConnectionAsync(ct);
        _connectionOpened = true;
        Run = await _startRun(_network.PcnId);
        _store = new RecordStore(_db, _network.PcnId, Run.ImportId);
        (_lastSourceKey, _lastPatientId) = await _store.MaxKeysAsync(ct);
        _quarantineSeq = await _db.QuarantinedResources.IgnoreQueryFilters()
            .Where(q => q.PcnId == _network.PcnId && q.ImportId == Run.ImportId).MaxAsync(q => (int?)q.Seq, ct) ?? 0;
        await _store.LoadPatientsAsync(_patientsByNhsNumber, _patientsByReference, _patientSources, _registeredByEpisode, ct);
        await _store.LoadSourcesAsync(_seen, ct);
        await _store.TuneAsync(ct);
        _transaction = await _db.Database.BeginTransactionAsync(ct);
    }

    /// <summary>Saves the run's counts with the chunk and commits it; then opens the next chunk's transaction.</summary>
    private async Task CommitAsync(CancellationToken ct, bool reopen = true)
    {
        _store.Flush();
        var json = _counters.ToJson();
        if (_db.Entry(Run!).State == EntityState.Detached)
        {
            // Adding a practice clears the change tracker; the run's row is attached again to be updated.
            _db.RecordImports.Attach(Run!);
        }

        Run!.Progress(_counters.Read, _counters.Accepted, _counters.Skipped, _counters.Rejected, json);
        await _db.SaveChangesAsync(ct);
        await _transaction!.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = null;
        Committed = (_counters.Read, _counters.Accepted, _counters.Skipped, _counters.Rejected, json);
        _inChunk = 0;
        _progress?.Report(_counters.Progress(_file));
        if (reopen)
        {
            _transaction = await _db.Database.BeginTransactionAsync(ct);
        }
    }

    /// <summary>What is stored for the resource: from memory when it holds the answer, else from the database.</summary>
    private (long SourceKey, long Hash, long? PatientId)? Lookup(ImportItem item)
    {
        if (!_seen.TryFind(item.ResourceType!, item.LogicalId!, out var found))
        {
            return _store.Lookup(item.ResourceType!, item.LogicalId!);
        }

        // Memory holds hashes of identities: a hit whose content differs is confirmed before its rows are replaced.
        return found is { } hit && hit.Hash != item.Hash ? _store.Lookup(item.ResourceType!, item.LogicalId!) : found;
    }

    /// <summary>Abandons the open chunk (on cancellation or failure).</summary>
    public async Task RollbackAsync()
    {
        _store?.Discard();
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync(CancellationToken.None);
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public void Dispose()
    {
        _store?.Untune();
        _transaction?.Dispose();
        _store?.Dispose();
        if (_connectionOpened)
        {
            _db.Database.CloseConnection();
            _connectionOpened = false;
        }
    }
}

/// <summary>The data named no network and the database has none (or several) to choose from.</summary>
internal sealed class NoNetworkException() : InvalidOperationException(
    "No network to import into: give the network, or include the PCN Organization (ODS code U and five digits) in the data.");
