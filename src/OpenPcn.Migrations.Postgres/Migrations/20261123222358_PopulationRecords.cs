using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PopulationRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClinicalEvents",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    SourceKey = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<short>(type: "smallint", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CodeSystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Display = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicalEvents", x => new { x.PcnId, x.SourceKey, x.Seq });
                    table.ForeignKey(
                        name: "FK_ClinicalEvents_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MedicationRecords",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    SourceKey = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<short>(type: "smallint", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CodeSystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Display = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    QuantityUnit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicationRecords", x => new { x.PcnId, x.SourceKey, x.Seq });
                    table.ForeignKey(
                        name: "FK_MedicationRecords_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Patients",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PracticeCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    EthnicCategory = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Lsoa = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    DeprivationDecile = table.Column<byte>(type: "smallint", nullable: true),
                    DateOfDeath = table.Column<DateOnly>(type: "date", nullable: true),
                    LastImportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patients", x => new { x.PcnId, x.PatientId });
                    table.ForeignKey(
                        name: "FK_Patients_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordImports",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Read = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    CountsByType = table.Column<string>(type: "text", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordImports", x => new { x.PcnId, x.ImportId });
                    table.ForeignKey(
                        name: "FK_RecordImports_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    SourceKey = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<short>(type: "smallint", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    PracticeCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: true),
                    End = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => new { x.PcnId, x.SourceKey, x.Seq });
                    table.ForeignKey(
                        name: "FK_Registrations_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SourceResources",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    SourceKey = table.Column<long>(type: "bigint", nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LogicalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentHash = table.Column<long>(type: "bigint", nullable: false),
                    LastUpdated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PatientId = table.Column<long>(type: "bigint", nullable: true),
                    LastImportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceResources", x => new { x.PcnId, x.SourceKey });
                    table.ForeignKey(
                        name: "FK_SourceResources_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuarantinedResources",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    File = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Location = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LogicalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantinedResources", x => new { x.PcnId, x.ImportId, x.Seq });
                    table.ForeignKey(
                        name: "FK_QuarantinedResources_RecordImports_PcnId_ImportId",
                        columns: x => new { x.PcnId, x.ImportId },
                        principalTable: "RecordImports",
                        principalColumns: new[] { "PcnId", "ImportId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClinicalEvents_PcnId_Code_Date",
                table: "ClinicalEvents",
                columns: new[] { "PcnId", "Code", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ClinicalEvents_PcnId_PatientId_Date",
                table: "ClinicalEvents",
                columns: new[] { "PcnId", "PatientId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MedicationRecords_PcnId_Code_Date",
                table: "MedicationRecords",
                columns: new[] { "PcnId", "Code", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MedicationRecords_PcnId_PatientId_Date",
                table: "MedicationRecords",
                columns: new[] { "PcnId", "PatientId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PcnId_NhsNumber",
                table: "Patients",
                columns: new[] { "PcnId", "NhsNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PcnId_PracticeCode",
                table: "Patients",
                columns: new[] { "PcnId", "PracticeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordImports_PcnId_QueuedAt",
                table: "RecordImports",
                columns: new[] { "PcnId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_PcnId_PatientId",
                table: "Registrations",
                columns: new[] { "PcnId", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceResources_PcnId_ResourceType_LogicalId",
                table: "SourceResources",
                columns: new[] { "PcnId", "ResourceType", "LogicalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClinicalEvents");

            migrationBuilder.DropTable(
                name: "MedicationRecords");

            migrationBuilder.DropTable(
                name: "Patients");

            migrationBuilder.DropTable(
                name: "QuarantinedResources");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "SourceResources");

            migrationBuilder.DropTable(
                name: "RecordImports");
        }
    }
}
