using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseFinding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocalDefinition",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalDefinition", x => new { x.PcnId, x.Name });
                    table.ForeignKey(
                        name: "FK_LocalDefinition_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Worklist",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    WorklistId = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PracticeCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    FactNames = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LastIndexDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LastRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastRunBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LastRunMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    QualifyingCount = table.Column<int>(type: "integer", nullable: false),
                    AddedCount = table.Column<int>(type: "integer", nullable: false),
                    NoLongerQualifyingCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Worklist", x => new { x.PcnId, x.WorklistId });
                    table.ForeignKey(
                        name: "FK_Worklist_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorklistEntry",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    WorklistId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    PracticeCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FactValues = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AssignedTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FirstFound = table.Column<DateOnly>(type: "date", nullable: false),
                    LastFound = table.Column<DateOnly>(type: "date", nullable: false),
                    StillQualifies = table.Column<bool>(type: "boolean", nullable: false),
                    StoppedQualifyingOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorklistEntry", x => new { x.PcnId, x.WorklistId, x.PatientId });
                    table.ForeignKey(
                        name: "FK_WorklistEntry_Worklist_PcnId_WorklistId",
                        columns: x => new { x.PcnId, x.WorklistId },
                        principalTable: "Worklist",
                        principalColumns: new[] { "PcnId", "WorklistId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorklistStatusChange",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    ChangeId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorklistId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    PracticeCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorklistStatusChange", x => new { x.PcnId, x.ChangeId });
                    table.ForeignKey(
                        name: "FK_WorklistStatusChange_WorklistEntry_PcnId_WorklistId_Patient~",
                        columns: x => new { x.PcnId, x.WorklistId, x.PatientId },
                        principalTable: "WorklistEntry",
                        principalColumns: new[] { "PcnId", "WorklistId", "PatientId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Worklist_PcnId_DefinitionName_PracticeCode",
                table: "Worklist",
                columns: new[] { "PcnId", "DefinitionName", "PracticeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_WorklistEntry_PcnId_WorklistId_PracticeCode_Status",
                table: "WorklistEntry",
                columns: new[] { "PcnId", "WorklistId", "PracticeCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorklistStatusChange_PcnId_WorklistId_PatientId_At",
                table: "WorklistStatusChange",
                columns: new[] { "PcnId", "WorklistId", "PatientId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocalDefinition");

            migrationBuilder.DropTable(
                name: "WorklistStatusChange");

            migrationBuilder.DropTable(
                name: "WorklistEntry");

            migrationBuilder.DropTable(
                name: "Worklist");
        }
    }
}
