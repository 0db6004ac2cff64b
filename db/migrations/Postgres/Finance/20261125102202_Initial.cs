using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Placements.Migrations.Postgres.Finance
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    S251LineCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementFunding",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlacementId = table.Column<int>(type: "integer", nullable: false),
                    PlacementReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AgreedAnnualAmount = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementFunding", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaceRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvisionType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    OccupiedRate = table.Column<long>(type: "bigint", nullable: false),
                    UnoccupiedRate = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TopUpBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvisionType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    AnnualAmount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopUpBands", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_FinancialYear_S251LineCode",
                table: "BudgetLines",
                columns: new[] { "FinancialYear", "S251LineCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementFunding_PlacementId_EffectiveFrom",
                table: "PlacementFunding",
                columns: new[] { "PlacementId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaceRates_ProvisionType_EffectiveFrom",
                table: "PlaceRates",
                columns: new[] { "ProvisionType", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TopUpBands_ProvisionType_Band_FinancialYear",
                table: "TopUpBands",
                columns: new[] { "ProvisionType", "Band", "FinancialYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropTable(
                name: "PlacementFunding");

            migrationBuilder.DropTable(
                name: "PlaceRates");

            migrationBuilder.DropTable(
                name: "TopUpBands");
        }
    }
}
