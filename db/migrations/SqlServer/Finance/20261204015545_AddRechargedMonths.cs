using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.SqlServer.Finance
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RechargeStatementId = table.Column<int>(type: "int", nullable: false),
                    Partner = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
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
            migrationBuilder.Sql(@"INSERT INTO [RechargedMonths] ([RechargeStatementId], [Partner], [MonthStart])
SELECT s.[Id], s.[Partner], DATEADD(month, m.n, DATEFROMPARTS(YEAR(s.[PeriodStart]), MONTH(s.[PeriodStart]), 1))
FROM [RechargeStatements] s CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11)) AS m(n)
WHERE DATEADD(month, m.n, DATEFROMPARTS(YEAR(s.[PeriodStart]), MONTH(s.[PeriodStart]), 1)) <= s.[PeriodEnd];");

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
