using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FinanceLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_PaymentReceived_PcnId_ForMonth_Stream",
                table: "PaymentReceived",
                columns: new[] { "PcnId", "ForMonth", "Stream" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareHomeBeds");

            migrationBuilder.DropTable(
                name: "DistributionRule");

            migrationBuilder.DropTable(
                name: "IifAchievement");

            migrationBuilder.DropTable(
                name: "PaymentReceived");

            migrationBuilder.DropTable(
                name: "PracticeActivity");
        }
    }
}
