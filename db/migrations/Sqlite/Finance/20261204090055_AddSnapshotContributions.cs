using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.Sqlite.Finance
{
    /// <inheritdoc />
    public partial class AddSnapshotContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HealthContribution",
                table: "BudgetSnapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SocialCareContribution",
                table: "BudgetSnapshots",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HealthContribution",
                table: "BudgetSnapshots");

            migrationBuilder.DropColumn(
                name: "SocialCareContribution",
                table: "BudgetSnapshots");
        }
    }
}
