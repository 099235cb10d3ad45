using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClaimsAndFinance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArrsClaim",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TotalActualCost = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalMaximum = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalReimbursable = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsClaim", x => new { x.PcnId, x.ClaimId });
                    table.ForeignKey(
                        name: "FK_ArrsClaim_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CareHomeBeds",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Beds = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareHomeBeds", x => new { x.PcnId, x.Month });
                    table.ForeignKey(
                        name: "FK_CareHomeBeds_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DistributionRule",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stream = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TopSlicePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    FixedPerPracticePerMonth = table.Column<long>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionRule", x => new { x.PcnId, x.Stream, x.FromYear });
                    table.ForeignKey(
                        name: "FK_DistributionRule_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IifAchievement",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IifAchievement", x => new { x.PcnId, x.StartYear });
                    table.ForeignKey(
                        name: "FK_IifAchievement_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentReceived",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stream = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ForMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CorrectsPaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentReceived", x => new { x.PcnId, x.PaymentId });
                    table.ForeignKey(
                        name: "FK_PaymentReceived_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedPost",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedPostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Wte = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    Practices = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ExpectedStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpectedAnnualCost = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedPost", x => new { x.PcnId, x.PlannedPostId });
                    table.ForeignKey(
                        name: "FK_PlannedPost_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PracticeActivity",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    PracticeCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Stream = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Units = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeActivity", x => new { x.PcnId, x.PracticeCode, x.Stream, x.Month });
                    table.ForeignKey(
                        name: "FK_PracticeActivity_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArrsClaimLine",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RoleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Wte = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    AnnualSalary = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnualEmployerNi = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnualEmployerPension = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DaysInMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysInPost = table.Column<int>(type: "INTEGER", nullable: false),
                    ActualCost = table.Column<long>(type: "INTEGER", nullable: false),
                    Maximum = table.Column<long>(type: "INTEGER", nullable: false),
                    Reimbursable = table.Column<long>(type: "INTEGER", nullable: false),
                    UsesUncheckedRate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Workings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsAmendment = table.Column<bool>(type: "INTEGER", nullable: false),
                    AmendsLineNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsClaimLine", x => new { x.PcnId, x.ClaimId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_ArrsClaimLine_ArrsClaim_PcnId_ClaimId",
                        columns: x => new { x.PcnId, x.ClaimId },
                        principalTable: "ArrsClaim",
                        principalColumns: new[] { "PcnId", "ClaimId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaim_PcnId_Month",
                table: "ArrsClaim",
                columns: new[] { "PcnId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentReceived_PcnId_ForMonth_Stream",
                table: "PaymentReceived",
                columns: new[] { "PcnId", "ForMonth", "Stream" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArrsClaimLine");

            migrationBuilder.DropTable(
                name: "CareHomeBeds");

            migrationBuilder.DropTable(
                name: "DistributionRule");

            migrationBuilder.DropTable(
                name: "IifAchievement");

            migrationBuilder.DropTable(
                name: "PaymentReceived");

            migrationBuilder.DropTable(
                name: "PlannedPost");

            migrationBuilder.DropTable(
                name: "PracticeActivity");

            migrationBuilder.DropTable(
                name: "ArrsClaim");
        }
    }
}
