using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Workforce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateOverride",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    RateOverrideId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Rate = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Pounds = table.Column<decimal>(type: "TEXT", precision: 12, scale: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateOverride", x => new { x.PcnId, x.RateOverrideId });
                    table.ForeignKey(
                        name: "FK_RateOverride_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMember",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProfessionalRegistration = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMember", x => new { x.PcnId, x.StaffMemberId });
                    table.ForeignKey(
                        name: "FK_StaffMember_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "PcnId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffContract",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Wte = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    AnnualSalary = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnualEmployerNi = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnualEmployerPension = table.Column<long>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EmployerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EmployerPractice = table.Column<string>(type: "TEXT", nullable: true),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsArrs = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdditionalityConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupervisorStaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffContract", x => new { x.PcnId, x.ContractId });
                    table.ForeignKey(
                        name: "FK_StaffContract_StaffMember_PcnId_StaffMemberId",
                        columns: x => new { x.PcnId, x.StaffMemberId },
                        principalTable: "StaffMember",
                        principalColumns: new[] { "PcnId", "StaffMemberId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deployment",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SessionsPerWeek = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deployment", x => new { x.PcnId, x.ContractId, x.PracticeCode });
                    table.ForeignKey(
                        name: "FK_Deployment_StaffContract_PcnId_ContractId",
                        columns: x => new { x.PcnId, x.ContractId },
                        principalTable: "StaffContract",
                        principalColumns: new[] { "PcnId", "ContractId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffContract_PcnId_StaffMemberId_Start",
                table: "StaffContract",
                columns: new[] { "PcnId", "StaffMemberId", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Deployment");

            migrationBuilder.DropTable(
                name: "RateOverride");

            migrationBuilder.DropTable(
                name: "StaffContract");

            migrationBuilder.DropTable(
                name: "StaffMember");
        }
    }
}
