"""Other paths: the catalogue of alternatives to daily activity (with the default content),
interests ("Jag vill veta mer") and the case officer's follow-ups.

Interests are history: taking one back sets withdrawn_at; follow-ups are new rows.

Revision ID: 0005
Revises: 0004
"""

from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa
import sqlmodel  # noqa: F401


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# What every page says about money and about coming back, unless an alternative says more.
_MONEY_SV = (
    "Fråga din handläggare hur det blir med dina pengar.\n"
    "Ofta kan du prova och ha kvar ditt stöd en tid."
)
_MONEY_EN = (
    "Ask your case officer what happens with your money.\n"
    "Often you can try and still keep your support for a while."
)
_BACK_SV = (
    "Ja. Daglig verksamhet är din rätt.\n"
    "Du kan komma tillbaka om det inte blir bra."
)
_BACK_EN = (
    "Yes. Daily activity is still your right.\n"
    "You can come back if it does not work out."
)

# The default catalogue as it was when this migration was written: key, position, pictogram,
# and the easy-to-read page in Swedish and English. Later changes need a migration of their own.
DEFAULT_ALTERNATIVES = [
    (
        "iwork", 10, "iwork",
        {
            "title": "IWork",
            "summary": "Hjälp att hitta ett jobb i Stockholm.",
            "what": "IWork hjälper dig att få ett jobb.\nDu får en egen coach.\nOfta börjar du med att prova på ett jobb en tid.\nSen kan det bli ett jobb med lön.",
            "who": "Det är för dig som bor i Stockholm.\nDu har daglig verksamhet.\nDu vill ha ett jobb.",
            "start": "Säg till din handläggare att du vill veta mer.\nHen hjälper dig att ta kontakt.\nSen får du träffa en coach.",
            "help": "Din coach lär känna dig.\nNi letar jobb ihop.\nCoachen kan gå med dig till jobbet i början.",
            "money": _MONEY_SV,
            "back": _BACK_SV,
        },
        {
            "title": "IWork",
            "summary": "Help to find a job in Stockholm.",
            "what": "IWork helps you get a job.\nYou get a coach of your own.\nOften you start by trying a job for a while.\nThen it can become a job with pay.",
            "who": "It is for you if you live in Stockholm.\nYou have daily activity.\nYou want a job.",
            "start": "Tell your case officer that you want to know more.\nThey help you get in touch.\nThen you meet a coach.",
            "help": "Your coach gets to know you.\nYou look for a job together.\nThe coach can go with you to the job at first.",
            "money": _MONEY_EN,
            "back": _BACK_EN,
        },
    ),
    (
        "praktik", 20, "internship",
        {
            "title": "Praktik",
            "summary": "Prova ett jobb en tid, med stöd.",
            "what": "Praktik är att prova på ett jobb.\nDet kan vara i en affär, på ett kafé eller på ett lager.\nDu gör det en tid.\nDu får ingen lön.",
            "who": "Det är för dig som vill prova ett jobb.\nDu kan börja med några timmar i veckan.",
            "start": "Prata med din handledare.\nNi letar ett ställe ihop.\nDu får hälsa på där först.",
            "help": "Din handledare hjälper dig.\nNågon kan gå med dig de första dagarna.",
            "money": "Du har kvar ditt stöd när du gör praktik.\nFråga din handläggare om du undrar något.",
            "back": _BACK_SV,
        },
        {
            "title": "Internship",
            "summary": "Try a job for a while, with support.",
            "what": "An internship means trying a job.\nIt can be in a shop, a café or a warehouse.\nYou do it for a while.\nYou get no pay.",
            "who": "It is for you if you want to try a job.\nYou can start with a few hours a week.",
            "start": "Talk to your supervisor.\nYou look for a place together.\nYou can visit the place first.",
            "help": "Your supervisor helps you.\nSomeone can go with you the first days.",
            "money": "You keep your support during an internship.\nAsk your case officer if you wonder about something.",
            "back": _BACK_EN,
        },
    ),
    (
        "stod-till-jobb", 30, "supported_employment",
        {
            "title": "Stöd till jobb",
            "summary": "En coach hjälper dig till ett vanligt jobb.",
            "what": "Du får en coach.\nCoachen hjälper dig att hitta ett jobb som passar dig.\nCoachen finns kvar när du har fått jobbet.\nDet heter ibland Supported Employment.",
            "who": "Det är för dig som vill ha ett jobb.\nJobbet är på en vanlig plats, med andra som jobbar där.",
            "start": "Säg till din handläggare.\nHen tar kontakt med dem som ger stödet.",
            "help": "Coachen hjälper dig att söka jobb.\nCoachen pratar med din chef.\nDu får stöd så länge du behöver.",
            "money": _MONEY_SV,
            "back": _BACK_SV,
        },
        {
            "title": "Supported Employment",
            "summary": "A coach helps you into an ordinary job.",
            "what": "You get a coach.\nThe coach helps you find a job that suits you.\nThe coach stays when you have got the job.\nIt is sometimes called IPS.",
            "who": "It is for you if you want a job.\nThe job is at an ordinary workplace, with others who work there.",
            "start": "Tell your case officer.\nThey get in touch with the people who give the support.",
            "help": "The coach helps you look for a job.\nThe coach talks to your boss.\nYou get support as long as you need it.",
            "money": _MONEY_EN,
            "back": _BACK_EN,
        },
    ),
    (
        "sius", 40, "sius",
        {
            "title": "Stöd från Arbetsförmedlingen",
            "summary": "En person som hjälper dig när du ska börja jobba.",
            "what": "Arbetsförmedlingen har personer som hjälper dig på jobbet.\nDe kallas SIUS.\nDe hjälper dig att komma in på ett nytt jobb.",
            "who": "Det är för dig som ska börja ett jobb.\nDu vill ha stöd på plats.",
            "start": "Din handläggare kan hjälpa dig att ta kontakt.\nDu kan också fråga på Arbetsförmedlingen.",
            "help": "Personen går med dig till jobbet.\nHen visar dig och din chef hur det kan bli bra.\nHen kommer tillbaka och frågar hur det går.",
            "money": _MONEY_SV,
            "back": _BACK_SV,
        },
        {
            "title": "Support from the employment service",
            "summary": "A person who helps you when you start working.",
            "what": "The employment service has people who help you at work.\nThey are called SIUS consultants.\nThey help you settle in at a new job.",
            "who": "It is for you if you are starting a job.\nYou want support at the workplace.",
            "start": "Your case officer can help you get in touch.\nYou can also ask at the employment service.",
            "help": "The person goes with you to the job.\nThey show you and your boss how it can work well.\nThey come back and ask how it is going.",
            "money": _MONEY_EN,
            "back": _BACK_EN,
        },
    ),
    (
        "lonebidrag", 50, "wage_subsidy",
        {
            "title": "Jobb med lönebidrag",
            "summary": "Ett jobb med lön, där staten betalar en del.",
            "what": "Du får ett jobb med lön.\nStaten betalar en del av din lön till din chef.\nDå kan jobbet få gå lite lugnare.",
            "who": "Det är för dig som kan jobba, men inte i full fart.",
            "start": "Säg till din handläggare.\nArbetsförmedlingen bestämmer om du kan få lönebidrag.",
            "help": "Du får tid att lära dig.\nDu kan få stöd på jobbet.",
            "money": "Du får lön för jobbet.\nFråga din handläggare hur det blir med ditt stöd.\nOfta kan du prova och ha kvar ditt stöd en tid.",
            "back": _BACK_SV,
        },
        {
            "title": "Job with wage subsidy",
            "summary": "A job with pay, where the state pays part.",
            "what": "You get a job with pay.\nThe state pays part of your pay to your boss.\nThen the job can go a little slower.",
            "who": "It is for you if you can work, but not at full speed.",
            "start": "Tell your case officer.\nThe employment service decides if you can get a wage subsidy.",
            "help": "You get time to learn.\nYou can get support at work.",
            "money": "You get pay for the job.\nAsk your case officer what happens with your support.\nOften you can try and still keep your support for a while.",
            "back": _BACK_EN,
        },
    ),
    (
        "serviceassistent", 60, "service_assistant",
        {
            "title": "Jobba som assistent i kommunen",
            "summary": "Ett jobb med lön i kommunen, i högst två år.",
            "what": "Du jobbar i kommunen.\nDu hjälper till med enkla saker.\nDet kan vara att städa, bära eller laga mat.\nDu får lön.\nJobbet är i högst två år.",
            "who": "Det är för dig som vill prova ett riktigt jobb.\nDu vill ha lugn och stöd.",
            "start": "Säg till din handläggare.\nHen tar reda på om det finns jobb just nu.",
            "help": "Du har en person på jobbet som hjälper dig.\nDu lär dig saker som du kan ha nytta av sen.",
            "money": _MONEY_SV,
            "back": _BACK_SV,
        },
        {
            "title": "Service assistant in the municipality",
            "summary": "A job with pay in the municipality, for up to two years.",
            "what": "You work for the municipality.\nYou help with simple things.\nIt can be cleaning, carrying or cooking.\nYou get pay.\nThe job lasts up to two years.",
            "who": "It is for you if you want to try a real job.\nYou want calm and support.",
            "start": "Tell your case officer.\nThey find out if there are jobs right now.",
            "help": "You have a person at work who helps you.\nYou learn things you can use later.",
            "money": _MONEY_EN,
            "back": _BACK_EN,
        },
    ),
    (
        "samhall", 70, "samhall",
        {
            "title": "Samhall",
            "summary": "Ett stort företag där många får stöd på jobbet.",
            "what": "Samhall är ett stort företag.\nDär jobbar många som behöver stöd på jobbet.\nDe städar, packar och tar hand om saker.\nDu får lön.",
            "who": "Det är för dig som vill ha ett jobb med lön.\nDu behöver stöd för att jobba.",
            "start": "Det är Arbetsförmedlingen som bestämmer.\nSäg till din handläggare att du vill veta mer.",
            "help": "Du har en chef som vet vad du behöver.\nDu kan lära dig nya saker på jobbet.",
            "money": "Du får lön för jobbet.\nFråga din handläggare hur det blir med ditt stöd.",
            "back": _BACK_SV,
        },
        {
            "title": "Samhall",
            "summary": "A big company where many get support at work.",
            "what": "Samhall is a big company.\nMany people there need support at work.\nThey clean, pack and take care of things.\nYou get pay.",
            "who": "It is for you if you want a job with pay.\nYou need support to work.",
            "start": "The employment service decides.\nTell your case officer that you want to know more.",
            "help": "You have a boss who knows what you need.\nYou can learn new things at work.",
            "money": "You get pay for the job.\nAsk your case officer what happens with your support.",
            "back": _BACK_EN,
        },
    ),
    (
        "folkhogskola", 80, "folk_high_school",
        {
            "title": "Folkhögskola",
            "summary": "En skola för vuxna, i lugn takt.",
            "what": "Folkhögskola är en skola för vuxna.\nDu läser i din egen takt.\nDet finns kurser för dig som vill ha mer stöd.\nIbland kan du bo på skolan.",
            "who": "Det är för dig som vill lära dig mer.\nDu är 18 år eller äldre.",
            "start": "Säg till din handläggare eller handledare.\nNi kan leta en kurs ihop.\nSen skickar du in ett papper.",
            "help": "Lärarna tar det lugnt.\nDu kan få hjälp att läsa och skriva.",
            "money": "Skolan kostar oftast inga pengar.\nFråga din handläggare hur det blir med ditt stöd.",
            "back": _BACK_SV,
        },
        {
            "title": "Folk high school",
            "summary": "A school for adults, at a calm pace.",
            "what": "A folk high school is a school for adults.\nYou study at your own pace.\nThere are courses for you if you want more support.\nSometimes you can live at the school.",
            "who": "It is for you if you want to learn more.\nYou are 18 or older.",
            "start": "Tell your case officer or supervisor.\nYou can look for a course together.\nThen you send in a form.",
            "help": "The teachers take it calmly.\nYou can get help to read and write.",
            "money": "The school usually costs nothing.\nAsk your case officer what happens with your support.",
            "back": _BACK_EN,
        },
    ),
    (
        "komvux", 90, "adult_education",
        {
            "title": "Skola för vuxna i kommunen",
            "summary": "Lär dig mer. Det heter komvux.",
            "what": "Kommunen har en skola för vuxna.\nDen heter komvux.\nDär kan du lära dig att läsa, skriva och räkna.\nDet finns en del för dig som vill ha mer stöd.",
            "who": "Det är för dig som vill lära dig mer.\nDu är vuxen.",
            "start": "Säg till din handläggare eller handledare.\nNi kan fråga skolan ihop.",
            "help": "Du läser i små grupper.\nLärarna tar det lugnt.",
            "money": "Skolan kostar inga pengar.\nFråga din handläggare hur det blir med ditt stöd.",
            "back": _BACK_SV,
        },
        {
            "title": "Adult education in the municipality",
            "summary": "Learn more. It is called komvux.",
            "what": "The municipality has a school for adults.\nIt is called komvux.\nThere you can learn to read, write and count.\nThere is a part for you if you want more support.",
            "who": "It is for you if you want to learn more.\nYou are an adult.",
            "start": "Tell your case officer or supervisor.\nYou can ask the school together.",
            "help": "You study in small groups.\nThe teachers take it calmly.",
            "money": "The school costs nothing.\nAsk your case officer what happens with your support.",
            "back": _BACK_EN,
        },
    ),
    (
        "annan-daglig-verksamhet", 100, "another_activity",
        {
            "title": "En annan daglig verksamhet",
            "summary": "Byt till ett annat ställe.",
            "what": "Du kan byta till ett annat ställe.\nDet finns många olika.\nDet kan vara ett kafé, en trädgård eller en verkstad.",
            "who": "Det är för dig som vill göra något annat.\nEller om du inte trivs där du är nu.",
            "start": "Säg till din handläggare.\nDu kan få hälsa på där först.",
            "help": "Din handläggare hjälper dig att välja.\nNågon kan gå med dig första dagen.",
            "money": "Dina pengar blir som vanligt.\nFråga din handläggare om du undrar något.",
            "back": "Ja. Du kan byta tillbaka om det inte blir bra.",
        },
        {
            "title": "Another daily activity",
            "summary": "Change to another place.",
            "what": "You can change to another place.\nThere are many different ones.\nIt can be a café, a garden or a workshop.",
            "who": "It is for you if you want to do something else.\nOr if you do not like it where you are now.",
            "start": "Tell your case officer.\nYou can visit the place first.",
            "help": "Your case officer helps you choose.\nSomeone can go with you the first day.",
            "money": "Your money stays as usual.\nAsk your case officer if you wonder about something.",
            "back": "Yes. You can change back if it does not work out.",
        },
    ),
    (
        "steg-for-steg", 110, "step_model",
        {
            "title": "Steg för steg mot jobb",
            "summary": "Små steg mot ett jobb, med din grupp.",
            "what": "Du tar små steg mot ett jobb.\nFörst jobbar du i en grupp där du är nu.\nSen jobbar gruppen på ett företag.\nTill sist får du en egen plats på ett företag.",
            "who": "Det är för dig som vill jobba.\nDu vill ta det lugnt och i din egen takt.",
            "start": "Prata med din handledare.\nNi bestämmer ihop när du kan börja.",
            "help": "Din handledare är med dig i varje steg.\nDu går vidare när du är redo.",
            "money": "Dina pengar blir som vanligt.\nFråga din handläggare om du undrar något.",
            "back": "Ja. Du kan gå ett steg tillbaka när du vill.",
        },
        {
            "title": "Step by step towards a job",
            "summary": "Small steps towards a job, with your group.",
            "what": "You take small steps towards a job.\nFirst you work in a group where you are now.\nThen the group works at a company.\nIn the end you get a place of your own at a company.",
            "who": "It is for you if you want to work.\nYou want to take it calmly, at your own pace.",
            "start": "Talk to your supervisor.\nYou decide together when you can start.",
            "help": "Your supervisor is with you at every step.\nYou go on when you are ready.",
            "money": "Your money stays as usual.\nAsk your case officer if you wonder about something.",
            "back": "Yes. You can go a step back whenever you want.",
        },
    ),
]


def upgrade() -> None:
    alternative = op.create_table(
        "alternative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("pictogram", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["updated_by_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "alternative_interest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["alternative_id"], ["alternative.id"]),
        sa.ForeignKeyConstraint(["helper_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("alternative_interest", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alternative_interest_alternative_id"), ["alternative_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_alternative_interest_participant_id"), ["participant_id"], unique=False
        )
    op.create_table(
        "alternative_follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interest_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["interest_id"], ["alternative_interest.id"]),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("alternative_follow_up", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alternative_follow_up_interest_id"), ["interest_id"], unique=False
        )

    now = datetime.now(UTC)
    op.bulk_insert(
        alternative,
        [
            {
                "key": key,
                "position": position,
                "pictogram": pictogram,
                "hidden": False,
                "texts": {"sv": sv, "en": en},
                "created_at": now,
            }
            for key, position, pictogram, sv, en in DEFAULT_ALTERNATIVES
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("alternative_follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alternative_follow_up_interest_id"))
    op.drop_table("alternative_follow_up")
    with op.batch_alter_table("alternative_interest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alternative_interest_participant_id"))
        batch_op.drop_index(batch_op.f("ix_alternative_interest_alternative_id"))
    op.drop_table("alternative_interest")
    op.drop_table("alternative")
