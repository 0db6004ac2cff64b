using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.Postgres.Commissioning
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CapacityOverrideReason",
                table: "Placements",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DualRegistration",
                table: "Placements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "Children",
                type: "character varying(100)",
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);
        }
    }
}
