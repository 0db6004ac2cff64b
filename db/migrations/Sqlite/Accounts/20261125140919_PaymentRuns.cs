using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.Sqlite.Accounts
{
    /// <inheritdoc />
    public partial class PaymentRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovalLimitPence",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovalLimitPence",
                table: "AspNetUsers");
        }
    }
}
