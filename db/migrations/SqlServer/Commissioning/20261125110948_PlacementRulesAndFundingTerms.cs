using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.SqlServer.Commissioning
{
    /// <inheritdoc />
    public partial class PlacementRulesAndFundingTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "EndReason",
                table: "Placements",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CapacityOverrideReason",
                table: "Placements",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DualRegistration",
                table: "Placements",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "Children",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CapacityOverrideReason",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "DualRegistration",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "District",
                table: "Children");

            migrationBuilder.AlterColumn<string>(
                name: "EndReason",
                table: "Placements",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40,
                oldNullable: true);
        }
    }
}
