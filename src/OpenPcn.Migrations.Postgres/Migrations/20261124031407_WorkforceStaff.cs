using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPcn.Migrations.Postgres.Migrations
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
                    PcnId = table.Column<int>(type: "integer", nullable: false),
                    PlannedPostId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Wte = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    Practices = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ExpectedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpectedAnnualCost = table.Column<long>(type: "bigint", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: true)
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
