using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ArrsClaims : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArrsClaimLine");

            migrationBuilder.DropTable(
                name: "ArrsClaim");
        }
    }
}
