using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Placements.Finance.Persistence;

#nullable disable

namespace Placements.Migrations.SqlServer.Finance
{
    /// <inheritdoc />
    public partial class PaymentRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlacementId = table.Column<int>(type: "int", nullable: false),
                    PlacementReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Team = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    HeldBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    HeldAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReleasedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReleasedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReleaseNote = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    PreparedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PreparedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    HeldTotal = table.Column<long>(type: "bigint", nullable: false),
                    LineCount = table.Column<int>(type: "int", nullable: false),
                    ProblemCount = table.Column<int>(type: "int", nullable: false),
                    FirstApprovedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    FirstApprovedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ExportedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaymentRunId = table.Column<int>(type: "int", nullable: false),
                    PlacementId = table.Column<int>(type: "int", nullable: false),
                    PlacementReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProviderId = table.Column<int>(type: "int", nullable: false),
                    ProviderReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ChildReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ChildInitials = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    FinancialYear = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    S251Line = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    HoldId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentLines_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRunEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaymentRunId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRunEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentRunEvents_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRunProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaymentRunId = table.Column<int>(type: "int", nullable: false),
                    PlacementReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProviderReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRunProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentRunProblems_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentHolds_PlacementId",
                table: "PaymentHolds",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLines_PaymentRunId_PlacementId_FinancialYear_Kind",
                table: "PaymentLines",
                columns: new[] { "PaymentRunId", "PlacementId", "FinancialYear", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLines_PlacementId",
                table: "PaymentLines",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunEvents_PaymentRunId",
                table: "PaymentRunEvents",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunProblems_PaymentRunId",
                table: "PaymentRunProblems",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRuns_Month_Sequence",
                table: "PaymentRuns",
                columns: new[] { "Month", "Sequence" },
                unique: true);
            ScheduledJobTables.Create(migrationBuilder, typeof(PaymentRuns).Assembly);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ScheduledJobTables.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "PaymentHolds");

            migrationBuilder.DropTable(
                name: "PaymentLines");

            migrationBuilder.DropTable(
                name: "PaymentRunEvents");

            migrationBuilder.DropTable(
                name: "PaymentRunProblems");

            migrationBuilder.DropTable(
                name: "PaymentRuns");
        }
    }
}
