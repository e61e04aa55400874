using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenRis.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountsMeetingsImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LateDecision",
                table: "Papers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateDecisionReason",
                table: "Papers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandingAgendaItems",
                table: "Organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitmentReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    PaperId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentReports_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentReports_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentReports_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceText = table.Column<string>(type: "TEXT", nullable: false),
                    PapersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PaperIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OParlImportSources",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SystemUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Watermark = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RunStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Cursor = table.Column<string>(type: "TEXT", nullable: true),
                    LastCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OParlImportSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OParlImportedObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StandaloneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OParlImportedObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OParlImportedObjects_OParlImportSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "OParlImportSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentReports_CommitmentId_MeetingId",
                table: "CommitmentReports",
                columns: new[] { "CommitmentId", "MeetingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentReports_MeetingId",
                table: "CommitmentReports",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentReports_PaperId",
                table: "CommitmentReports",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportProposals_ContentHash",
                table: "ImportProposals",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportProposals_Status_Id",
                table: "ImportProposals",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OParlImportedObjects_SourceId_SourceUrl",
                table: "OParlImportedObjects",
                columns: new[] { "SourceId", "SourceUrl" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OParlImportedObjects_Type_EntityId",
                table: "OParlImportedObjects",
                columns: new[] { "Type", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_OParlImportSources_SystemUrl",
                table: "OParlImportSources",
                column: "SystemUrl",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentReports");

            migrationBuilder.DropTable(
                name: "ImportProposals");

            migrationBuilder.DropTable(
                name: "OParlImportedObjects");

            migrationBuilder.DropTable(
                name: "OParlImportSources");

            migrationBuilder.DropColumn(
                name: "LateDecision",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "LateDecisionReason",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "StandingAgendaItems",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Meetings");
        }
    }
}
