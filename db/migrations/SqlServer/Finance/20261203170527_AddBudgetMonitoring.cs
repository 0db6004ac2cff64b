using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.SqlServer.Finance
{
    /// <inheritdoc />
    public partial class AddBudgetMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "BudgetLines",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "BudgetRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetLineId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Previous = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    RevisedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RevisedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetRevisions_BudgetLines_BudgetLineId",
                        column: x => x.BudgetLineId,
                        principalTable: "BudgetLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FinancialYear = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TakenBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    TrendIncluded = table.Column<bool>(type: "bit", nullable: false),
                    Budget = table.Column<long>(type: "bigint", nullable: false),
                    Forecast = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DsgYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FinancialYear = table.Column<int>(type: "int", nullable: false),
                    HighNeedsAllocation = table.Column<long>(type: "bigint", nullable: false),
                    DeficitBroughtForward = table.Column<long>(type: "bigint", nullable: false),
                    Population2To18 = table.Column<int>(type: "int", nullable: true),
                    Outturn = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DsgYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetSnapshotLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetSnapshotId = table.Column<int>(type: "int", nullable: false),
                    S251Line = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Budget = table.Column<long>(type: "bigint", nullable: false),
                    Actual = table.Column<long>(type: "bigint", nullable: false),
                    Commitment = table.Column<long>(type: "bigint", nullable: false),
                    Pipeline = table.Column<long>(type: "bigint", nullable: false),
                    Trend = table.Column<long>(type: "bigint", nullable: false),
                    Forecast = table.Column<long>(type: "bigint", nullable: false),
                    Rag = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    PreviousRag = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetSnapshotLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetSnapshotLines_BudgetSnapshots_BudgetSnapshotId",
                        column: x => x.BudgetSnapshotId,
                        principalTable: "BudgetSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetSnapshotNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetSnapshotId = table.Column<int>(type: "int", nullable: false),
                    S251Line = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    WrittenBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetSnapshotNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetSnapshotNotes_BudgetSnapshots_BudgetSnapshotId",
                        column: x => x.BudgetSnapshotId,
                        principalTable: "BudgetSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetSnapshotPlacements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetSnapshotId = table.Column<int>(type: "int", nullable: false),
                    PlacementId = table.Column<int>(type: "int", nullable: false),
                    PlacementReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProviderReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ChildReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ChildInitials = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    ProvisionType = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    S251Line = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnualRate = table.Column<long>(type: "bigint", nullable: false),
                    Actual = table.Column<long>(type: "bigint", nullable: false),
                    Commitment = table.Column<long>(type: "bigint", nullable: false),
                    Pipeline = table.Column<long>(type: "bigint", nullable: false),
                    InvoicedAboveExpected = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetSnapshotPlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetSnapshotPlacements_BudgetSnapshots_BudgetSnapshotId",
                        column: x => x.BudgetSnapshotId,
                        principalTable: "BudgetSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetSnapshotProvisionTypes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BudgetSnapshotId = table.Column<int>(type: "int", nullable: false),
                    ProvisionType = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Placements = table.Column<int>(type: "int", nullable: false),
                    Actual = table.Column<long>(type: "bigint", nullable: false),
                    Commitment = table.Column<long>(type: "bigint", nullable: false),
                    Pipeline = table.Column<long>(type: "bigint", nullable: false),
                    Trend = table.Column<long>(type: "bigint", nullable: false),
                    Forecast = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetSnapshotProvisionTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetSnapshotProvisionTypes_BudgetSnapshots_BudgetSnapshotId",
                        column: x => x.BudgetSnapshotId,
                        principalTable: "BudgetSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRevisions_BudgetLineId_Version",
                table: "BudgetRevisions",
                columns: new[] { "BudgetLineId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetSnapshotLines_BudgetSnapshotId_S251Line",
                table: "BudgetSnapshotLines",
                columns: new[] { "BudgetSnapshotId", "S251Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetSnapshotNotes_BudgetSnapshotId",
                table: "BudgetSnapshotNotes",
                column: "BudgetSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetSnapshotPlacements_BudgetSnapshotId_PlacementId",
                table: "BudgetSnapshotPlacements",
                columns: new[] { "BudgetSnapshotId", "PlacementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetSnapshotProvisionTypes_BudgetSnapshotId_ProvisionType",
                table: "BudgetSnapshotProvisionTypes",
                columns: new[] { "BudgetSnapshotId", "ProvisionType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetSnapshots_Month",
                table: "BudgetSnapshots",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DsgYears_FinancialYear",
                table: "DsgYears",
                column: "FinancialYear",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetRevisions");

            migrationBuilder.DropTable(
                name: "BudgetSnapshotLines");

            migrationBuilder.DropTable(
                name: "BudgetSnapshotNotes");

            migrationBuilder.DropTable(
                name: "BudgetSnapshotPlacements");

            migrationBuilder.DropTable(
                name: "BudgetSnapshotProvisionTypes");

            migrationBuilder.DropTable(
                name: "DsgYears");

            migrationBuilder.DropTable(
                name: "BudgetSnapshots");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "BudgetLines");
        }
    }
}
