using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenPcn.Core.Features.Network.Directory;

/// <summary>
/// One import of one file: what it was, who ran it, what happened to its rows, and the rows refused with reasons.
/// Install-wide like the directory it fills; <see cref="PcnId"/> records the network of the person who ran it.
/// </summary>
public sealed class ImportRun
{
    public Guid ImportRunId { get; init; } = Guid.CreateVersion7();

    public required string FileName { get; init; }

    public required DirectoryFileKind Kind { get; init; }

    /// <summary>SHA-256 of the file, so a re-import of the same bytes can be recognised.</summary>
    public required string Sha256 { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int? PcnId { get; init; }

    public string? ImportedBy { get; init; }

    public ImportStatus Status { get; set; }

    /// <summary>Rows read from the file (excluding headers and blank lines).</summary>
    public int RowsRead { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Rows deliberately passed over (e.g. a prescribing cost centre that is not a GP practice).</summary>
    public int Skipped { get; set; }

    public int Rejected { get; set; }

    /// <summary>Why the whole file failed, when it did.</summary>
    public string? Failure { get; set; }

    public List<ImportRejection> Rejections { get; init; } = [];
}

/// <summary>A refused row: where it is in the file and why.</summary>
public sealed class ImportRejection
{
    public Guid ImportRunId { get; init; }

    /// <summary>The sheet, for workbooks; empty for CSV files.</summary>
    public string Sheet { get; init; } = string.Empty;

    /// <summary>1-based line (CSV) or row (sheet) number, counting the header.</summary>
    public required int Line { get; init; }

    public required string Reason { get; init; }

    /// <summary>The start of the row as read, to help find it.</summary>
    public string? Excerpt { get; init; }
}

public enum DirectoryFileKind
{
    /// <summary>A file that is none of the kinds below; its import is refused (and recorded as failed).</summary>
    Unknown = 0,

    /// <summary>NHS England gp-reg-pat-prac-all.csv: registered patients per practice.</summary>
    PatientsRegistered = 1,

    /// <summary>NHS England gp-reg-pat-prac-map.csv: practice to PCN, sub-ICB, ICB and region.</summary>
    PracticeMap = 2,

    /// <summary>ODS epraccur.csv: GP practices and prescribing cost centres (no header row).</summary>
    Epraccur = 3,

    /// <summary>ODS ePCN.xlsx: PCN details and core partner (practice membership) sheets.</summary>
    Epcn = 4,
}

public enum ImportStatus
{
    Running = 0,
    Succeeded = 1,
    SucceededWithRejections = 2,
    Failed = 3,
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>, IEntityTypeConfiguration<ImportRejection>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.HasKey(r => r.ImportRunId);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.ImportedBy).HasMaxLength(256);
        builder.Property(r => r.Failure).HasMaxLength(2000);
        builder.HasMany(r => r.Rejections).WithOne().HasForeignKey(r => r.ImportRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.StartedAt);
    }

    public void Configure(EntityTypeBuilder<ImportRejection> builder)
    {
        builder.HasKey(r => new { r.ImportRunId, r.Sheet, r.Line });
        builder.Property(r => r.Sheet).HasMaxLength(100);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Excerpt).HasMaxLength(300);
    }
}
