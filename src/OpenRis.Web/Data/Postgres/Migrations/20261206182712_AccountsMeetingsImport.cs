using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenRis.Web.Data.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateDecisionReason",
                table: "Papers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "StandingAgendaItems",
                table: "Organizations",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "Meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitmentReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommitmentId = table.Column<long>(type: "bigint", nullable: false),
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    PaperId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceText = table.Column<string>(type: "text", nullable: false),
                    PapersJson = table.Column<string>(type: "text", nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PaperIds = table.Column<List<long>>(type: "bigint[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OParlImportSources",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SystemUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Vendor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Watermark = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RunStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Cursor = table.Column<string>(type: "text", nullable: true),
                    LastCompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OParlImportSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OParlImportedObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<long>(type: "bigint", nullable: false),
                    SourceUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityId = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StandaloneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
