using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.SqlServer.Finance
{
    /// <inheritdoc />
    public partial class PlacementRulesAndFundingTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProviderFundingTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProviderId = table.Column<int>(type: "int", nullable: false),
                    ProviderReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProRataBasis = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderFundingTerms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderFundingTerms_ProviderId",
                table: "ProviderFundingTerms",
                column: "ProviderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderFundingTerms");
        }
    }
}
