using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkforceStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlannedPost");
        }
    }
}
