using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.Sqlite.Finance
{
    /// <inheritdoc />
    public partial class AddRechargedMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RechargedMonths",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RechargeStatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MonthStart = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargedMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RechargedMonths_RechargeStatements_RechargeStatementId",
                        column: x => x.RechargeStatementId,
                        principalTable: "RechargeStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Statements prepared before this table existed: one row per month of each period (1 or 3 months).
            migrationBuilder.Sql(@"WITH RECURSIVE m(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM m WHERE n < 11)
INSERT INTO ""RechargedMonths"" (""RechargeStatementId"", ""Partner"", ""MonthStart"")
SELECT s.""Id"", s.""Partner"", date(s.""PeriodStart"", 'start of month', '+' || m.n || ' months')
FROM ""RechargeStatements"" s, m
WHERE date(s.""PeriodStart"", 'start of month', '+' || m.n || ' months') <= s.""PeriodEnd"";");

            migrationBuilder.CreateIndex(
                name: "IX_RechargedMonths_Partner_MonthStart",
                table: "RechargedMonths",
                columns: new[] { "Partner", "MonthStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RechargedMonths_RechargeStatementId",
                table: "RechargedMonths",
                column: "RechargeStatementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RechargedMonths");
        }
    }
}
