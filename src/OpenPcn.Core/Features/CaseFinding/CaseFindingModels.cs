using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>A cohort definition as listed: built-in or local to the network.</summary>
public sealed record DefinitionSummary(
    string Name, string Title, string Description, string Category, string Source, int Year, IReadOnlyList<string> Codelists, bool IsLocal);

/// <summary>One definition in full: its reason template, fact columns and JSON form.</summary>
public sealed record DefinitionDetail(DefinitionSummary Summary, string Reason, IReadOnlyList<string> Facts, string Json);

/// <summary>A worklist as listed: which definition, for whom, and the latest run's counts.</summary>
public sealed record WorklistSummary(
    Guid WorklistId,
    string DefinitionName,
    string Title,
    string Category,
    PracticeCode? Practice,
    DateOnly LastIndexDate,
    DateTimeOffset LastRunAt,
    string LastRunBy,
    long LastRunMilliseconds,
    int Qualifying,
    int Added,
    int NoLongerQualifying,
    IReadOnlyList<string> Facts);

/// <summary>What a run did: the worklist, progress per practice and how long the query took.</summary>
public sealed record WorklistRunResult(WorklistSummary Worklist, IReadOnlyList<PracticeProgress> Practices, TimeSpan QueryTime);

/// <summary>
/// Which rows of a worklist to show or export. <see cref="StillQualifies"/> null shows both; <see cref="AssignedTo"/>
/// "none" shows unassigned rows.
/// </summary>
public sealed record WorklistFilter(
    WorklistStatus? Status = null,
    PracticeCode? Practice = null,
    string? AssignedTo = null,
    bool? StillQualifies = true,
    int Page = 1,
    int PageSize = 50)
{
    /// <summary>The <see cref="AssignedTo"/> value that selects unassigned rows.</summary>
    public const string Unassigned = "none";
}

/// <summary>A named fact about a patient from the latest run that found them, as shown.</summary>
public sealed record WorklistFact(string Name, string Value);

/// <summary>One patient on a worklist, as a clinician acts on it (patient-identifiable: every read is audited).</summary>
public sealed record WorklistRow(
    long PatientId,
    NhsNumber NhsNumber,
    DateOnly DateOfBirth,
    int Age,
    Sex Sex,
    PracticeCode Practice,
    string PracticeName,
    string Reason,
    IReadOnlyList<WorklistFact> Facts,
    WorklistStatus Status,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt,
    string? AssignedTo,
    DateOnly FirstFound,
    DateOnly LastFound,
    bool StillQualifies,
    DateOnly? StoppedQualifyingOn);

/// <summary>One status change of a row, newest first in lists.</summary>
public sealed record StatusChangeRow(DateTimeOffset At, string By, WorklistStatus From, WorklistStatus To, string? Note);

/// <summary>
/// A practice's progress on a worklist: still-qualifying rows per status, rows no longer qualifying, and the share
/// done (done, declined or not appropriate over all still qualifying; 0 when none qualify).
/// </summary>
public sealed record PracticeProgress(
    PracticeCode Practice,
    string PracticeName,
    int Qualifying,
    int ToDo,
    int Contacted,
    int Booked,
    int Done,
    int Declined,
    int NotAppropriate,
    int NoLongerQualifying,
    double PercentDone);

/// <summary>Someone (or a practice) a row can be assigned to.</summary>
public sealed record AssigneeOption(string Value, string Label);

/// <summary>The export file formats.</summary>
public enum WorklistExportFormat
{
    /// <summary>Comma-separated values.</summary>
    Csv = 0,

    /// <summary>An Excel workbook.</summary>
    Xlsx = 1,
}

/// <summary>An exported file: its name, content type, bytes and how many patient rows it holds.</summary>
public sealed record WorklistFile(string FileName, string ContentType, byte[] Content, int Rows);
