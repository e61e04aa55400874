using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenRis.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddDeadlineRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeadlineRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    PaperKindId = table.Column<long>(type: "bigint", nullable: true),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FilingPeriod = table.Column<int>(type: "integer", nullable: false),
                    FilingUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CutOffTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    InvitationPeriod = table.Column<int>(type: "integer", nullable: true),
                    InvitationUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnswerPeriod = table.Column<int>(type: "integer", nullable: true),
                    AnswerBasis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineRules_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeadlineRules_PaperKinds_PaperKindId",
                        column: x => x.PaperKindId,
                        principalTable: "PaperKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineRules_BodyId_PaperKindId",
                table: "DeadlineRules",
                columns: new[] { "BodyId", "PaperKindId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineRules_PaperKindId",
                table: "DeadlineRules",
                column: "PaperKindId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineRules");
        }
    }
}
