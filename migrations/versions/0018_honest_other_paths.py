"""Other paths, said honestly: the default texts name aktivitetsersättning, sjukersättning and
Försäkringskassan, say what "vilande" means and for how long, that a paid job can lower the
benefit, and what really happens when someone wants daily activity again. The texts come in
Arabic too. Each alternative records when its facts were last checked, and by whom they must be
checked. The check-in question "Vill du prova något nytt?" gets the answer "Nej, inte nu"
beside "Nej, jag trivs här".

Texts an administrator has changed (updated_at is set) keep their Swedish and English; they only
get the Arabic where they have none.

Revision ID: 0018
Revises: 0014
"""

from datetime import date

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0018"
down_revision = "0014"
branch_labels = None
depends_on = None

CHECKED_ON = date(2026, 12, 7)
CHECK_NOTE = (
    "Skrivet efter Försäkringskassans regler om vilande aktivitetsersättning och "
    "sjukersättning (24 månader för sjukersättning; så länge beslutet gäller för "
    "aktivitetsersättning). Kommunens handläggare ska kontrollera texten mot "
    "forsakringskassan.se innan den visas, och sedan minst en gång om året."
)

# --- Swedish ------------------------------------------------------------------------------
_MONEY_TRY_SV = (
    "Har du aktivitetsersättning eller sjukersättning?\n"
    "De pengarna får du från Försäkringskassan.\n"
    "Du kan prova att jobba och ändå ha kvar rätten till dem.\n"
    "Då är pengarna vilande.\n"
    "Sjukersättning kan vara vilande i upp till 24 månader.\n"
    "Aktivitetsersättning kan vara vilande så länge ditt beslut gäller.\n"
    "Fråga Försäkringskassan först, innan du börjar.\n"
    "Får du lön, kan du få mindre pengar från dem.\n"
    "Din handläggare på kommunen kan hjälpa dig att fråga."
)
_MONEY_PAID_SV = (
    "Du får lön för jobbet.\n"
    "Då kan du få mindre pengar från Försäkringskassan.\n"
    "Det gäller aktivitetsersättning och sjukersättning.\n"
    "De kan vara vilande när du provar att jobba.\n"
    "Sjukersättning kan vara vilande i upp till 24 månader.\n"
    "Aktivitetsersättning kan vara vilande så länge ditt beslut gäller.\n"
    "Fråga Försäkringskassan först, innan du börjar.\n"
    "Din handläggare på kommunen kan hjälpa dig att fråga."
)
_MONEY_STUDY_SV = (
    "Studerar du, kan dina pengar från Försäkringskassan ändras.\n"
    "Det gäller aktivitetsersättning och sjukersättning.\n"
    "Fråga Försäkringskassan först, innan du börjar.\n"
    "Din handläggare på kommunen kan hjälpa dig att fråga."
)
_MONEY_SAME_SV = (
    "Dina pengar blir som vanligt.\nFråga din handläggare på kommunen om du undrar något."
)
_BACK_JOB_SV = (
    "När du börjar ett jobb, kan beslutet om daglig verksamhet ta slut.\n"
    "Vill du ha daglig verksamhet igen, kan du behöva söka på nytt.\n"
    "Du får kanske inte tillbaka samma plats.\n"
    "Din handläggare på kommunen hjälper dig att söka.\n"
    "Det är bra att prova. Då lär du dig vad som passar dig."
)
_BACK_STUDY_SV = (
    "Ibland kan du studera och ha kvar daglig verksamhet.\n"
    "Tar beslutet slut, kan du behöva söka daglig verksamhet på nytt.\n"
    "Du får kanske inte tillbaka samma plats.\n"
    "Din handläggare på kommunen hjälper dig att söka.\n"
    "Det är bra att prova. Då lär du dig vad som passar dig."
)

# --- English ------------------------------------------------------------------------------
_MONEY_TRY_EN = (
    "Do you get aktivitetsersättning or sjukersättning?\n"
    "That money comes from Försäkringskassan, the social insurance agency.\n"
    "You can try working and still keep your right to it.\n"
    "The money is then on hold (vilande).\n"
    "Sjukersättning can be on hold for up to 24 months.\n"
    "Aktivitetsersättning can be on hold for as long as your decision lasts.\n"
    "Ask Försäkringskassan first, before you start.\n"
    "If you get pay, you may get less money from them.\n"
    "Your case officer at the municipality can help you ask."
)
_MONEY_PAID_EN = (
    "You get pay for the job.\n"
    "Then you may get less money from Försäkringskassan, the social insurance agency.\n"
    "This is about aktivitetsersättning and sjukersättning.\n"
    "They can be on hold (vilande) while you try working.\n"
    "Sjukersättning can be on hold for up to 24 months.\n"
    "Aktivitetsersättning can be on hold for as long as your decision lasts.\n"
    "Ask Försäkringskassan first, before you start.\n"
    "Your case officer at the municipality can help you ask."
)
_MONEY_STUDY_EN = (
    "If you study, your money from Försäkringskassan, the social insurance agency, may change.\n"
    "This is about aktivitetsersättning and sjukersättning.\n"
    "Ask Försäkringskassan first, before you start.\n"
    "Your case officer at the municipality can help you ask."
)
_MONEY_SAME_EN = (
    "Your money stays as usual.\n"
    "Ask your case officer at the municipality if you wonder about something."
)
_BACK_JOB_EN = (
    "When you start a job, the decision on daily activity may end.\n"
    "If you want daily activity again, you may need to apply again.\n"
    "You may not get the same place back.\n"
    "Your case officer at the municipality helps you apply.\n"
    "Trying is good. It is how you learn what suits you."
)
_BACK_STUDY_EN = (
    "Sometimes you can study and keep your daily activity.\n"
    "If the decision ends, you may need to apply for daily activity again.\n"
    "You may not get the same place back.\n"
    "Your case officer at the municipality helps you apply.\n"
    "Trying is good. It is how you learn what suits you."
)

# --- Arabic -------------------------------------------------------------------------------
_FK_AR = "Försäkringskassan (مصلحة التأمينات الاجتماعية)"
_MONEY_TRY_AR = (
    "هل لديك aktivitetsersättning أو sjukersättning؟\n"
    f"هذا المال يأتي من {_FK_AR}.\n"
    "يمكنك تجربة العمل مع بقاء حقك في هذا المال.\n"
    "عندها يكون المال موقوفًا مؤقتًا (vilande).\n"
    "يمكن أن تكون sjukersättning موقوفة مؤقتًا حتى 24 شهرًا.\n"
    "يمكن أن تكون aktivitetsersättning موقوفة مؤقتًا طوال مدة قرارك.\n"
    "السؤال أولًا في Försäkringskassan، قبل البدء.\n"
    "إذا حصلت على راتب، فقد يقل المال الذي يأتيك منهم.\n"
    "يمكن لمسؤول ملفك في البلدية مساعدتك في السؤال."
)
_MONEY_PAID_AR = (
    "لهذا العمل راتب.\n"
    f"عندها قد يقل المال الذي يأتيك من {_FK_AR}.\n"
    "هذا يخص aktivitetsersättning و sjukersättning.\n"
    "يمكن أن تكون موقوفة مؤقتًا (vilande) خلال تجربة العمل.\n"
    "يمكن أن تكون sjukersättning موقوفة مؤقتًا حتى 24 شهرًا.\n"
    "يمكن أن تكون aktivitetsersättning موقوفة مؤقتًا طوال مدة قرارك.\n"
    "السؤال أولًا في Försäkringskassan، قبل البدء.\n"
    "يمكن لمسؤول ملفك في البلدية مساعدتك في السؤال."
)
_MONEY_STUDY_AR = (
    f"عند الدراسة، قد يتغير المال الذي يأتيك من {_FK_AR}.\n"
    "هذا يخص aktivitetsersättning و sjukersättning.\n"
    "السؤال أولًا في Försäkringskassan، قبل البدء.\n"
    "يمكن لمسؤول ملفك في البلدية مساعدتك في السؤال."
)
_MONEY_SAME_AR = "يبقى مالك كما هو.\nيمكنك سؤال مسؤول ملفك في البلدية عن أي شيء."
_BACK_JOB_AR = (
    "عند بدء عمل، قد ينتهي قرار النشاط اليومي (daglig verksamhet).\n"
    "للعودة إلى النشاط اليومي، قد يلزم تقديم طلب جديد.\n"
    "قد لا يكون المكان القديم متاحًا.\n"
    "مسؤول ملفك في البلدية يساعدك في الطلب.\n"
    "التجربة شيء جيد. بالتجربة يتضح ما يناسبك."
)
_BACK_STUDY_AR = (
    "أحيانًا يمكن الجمع بين الدراسة والنشاط اليومي (daglig verksamhet).\n"
    "إذا انتهى القرار، قد يلزم تقديم طلب جديد للنشاط اليومي.\n"
    "قد لا يكون المكان القديم متاحًا.\n"
    "مسؤول ملفك في البلدية يساعدك في الطلب.\n"
    "التجربة شيء جيد. بالتجربة يتضح ما يناسبك."
)

# key: {language: texts}. Every part of every default alternative, in every language.
TEXTS = {
    "iwork": {
        "sv": {
            "title": "IWork",
            "summary": "Hjälp att hitta ett jobb i Stockholm.",
            "what": "IWork är en del av Stockholms stad. IWork hjälper personer med LSS att få jobb.\nDu får en egen coach.\nOfta börjar du med att prova på ett jobb en tid.\nSen kan det bli ett jobb med lön.",
            "who": "Det är för dig som bor i Stockholm.\nDu har daglig verksamhet.\nDu vill ha ett jobb.",
            "start": "Säg till din handläggare på kommunen att du vill veta mer.\nHen hjälper dig att ta kontakt.\nSen får du träffa en coach.",
            "help": "Din coach lär känna dig.\nNi letar jobb ihop.\nCoachen kan gå med dig till jobbet i början.",
            "money": _MONEY_TRY_SV,
            "back": _BACK_JOB_SV,
        },
        "en": {
            "title": "IWork",
            "summary": "Help to find a job in Stockholm.",
            "what": "IWork is part of the City of Stockholm. IWork helps people with LSS support get a job.\nYou get a coach of your own.\nOften you start by trying a job for a while.\nThen it can become a job with pay.",
            "who": "It is for you if you live in Stockholm.\nYou have daily activity.\nYou want a job.",
            "start": "Tell your case officer at the municipality that you want to know more.\nThey help you get in touch.\nThen you meet a coach.",
            "help": "Your coach gets to know you.\nYou look for a job together.\nThe coach can go with you to the job at first.",
            "money": _MONEY_TRY_EN,
            "back": _BACK_JOB_EN,
        },
        "ar": {
            "title": "IWork",
            "summary": "مساعدة في إيجاد عمل في ستوكهولم.",
            "what": "IWork جزء من بلدية ستوكهولم. يساعد IWork الأشخاص الذين لديهم دعم LSS في الحصول على عمل.\nيكون لك مدرّب (coach) خاص بك.\nغالبًا تكون البداية بتجربة عمل لفترة.\nبعدها يمكن أن يصبح عملًا براتب.",
            "who": "هذا لمن يسكن في ستوكهولم.\nولديه نشاط يومي (daglig verksamhet).\nولديه رغبة في العمل.",
            "start": "يمكنك إخبار مسؤول ملفك في البلدية برغبتك في معرفة المزيد.\nيساعدك في التواصل.\nبعدها يكون اللقاء مع المدرّب.",
            "help": "المدرّب يتعرّف عليك.\nالبحث عن عمل يكون معًا.\nيمكن للمدرّب مرافقتك إلى العمل في البداية.",
            "money": _MONEY_TRY_AR,
            "back": _BACK_JOB_AR,
        },
    },
    "praktik": {
        "sv": {
            "title": "Praktik",
            "summary": "Prova ett jobb en tid, med stöd.",
            "what": "Praktik är att prova på ett jobb.\nDet kan vara i en affär, på ett kafé eller på ett lager.\nDu gör det en tid.\nDu får ingen lön.",
            "who": "Det är för dig som vill prova ett jobb.\nDu kan börja med några timmar i veckan.",
            "start": "Prata med din handledare på daglig verksamhet.\nNi letar ett ställe ihop.\nDu får hälsa på där först.",
            "help": "Din handledare hjälper dig.\nNågon kan gå med dig de första dagarna.",
            "money": "Du får ingen lön för praktik.\nDu har kvar dina pengar från Försäkringskassan som vanligt.\nFråga din handläggare på kommunen om du undrar något.",
            "back": "Ja. Du har kvar din dagliga verksamhet när du gör praktik.\nDu kan sluta praktiken om det inte känns bra.",
        },
        "en": {
            "title": "Internship",
            "summary": "Try a job for a while, with support.",
            "what": "An internship means trying a job.\nIt can be in a shop, a café or a warehouse.\nYou do it for a while.\nYou get no pay.",
            "who": "It is for you if you want to try a job.\nYou can start with a few hours a week.",
            "start": "Talk to your supervisor at your daily activity.\nYou look for a place together.\nYou can visit the place first.",
            "help": "Your supervisor helps you.\nSomeone can go with you the first days.",
            "money": "You get no pay for an internship.\nYou keep your money from Försäkringskassan as usual.\nAsk your case officer at the municipality if you wonder about something.",
            "back": "Yes. You keep your daily activity during an internship.\nYou can stop the internship if it does not feel right.",
        },
        "ar": {
            "title": "تدريب عملي (praktik)",
            "summary": "تجربة عمل لفترة، مع مساعدة.",
            "what": "التدريب العملي هو تجربة عمل.\nقد يكون في متجر أو مقهى أو مستودع.\nيكون ذلك لفترة.\nلا يوجد راتب.",
            "who": "هذا لمن لديه رغبة في تجربة عمل.\nيمكن البدء ببضع ساعات في الأسبوع.",
            "start": "يمكنك التحدث مع مشرفك في النشاط اليومي (daglig verksamhet).\nالبحث عن مكان يكون معًا.\nيمكنك زيارة المكان أولًا.",
            "help": "مشرفك يساعدك.\nيمكن لشخص مرافقتك في الأيام الأولى.",
            "money": "لا يوجد راتب للتدريب العملي.\nيبقى مالك من Försäkringskassan (مصلحة التأمينات الاجتماعية) كما هو.\nيمكنك سؤال مسؤول ملفك في البلدية عن أي شيء.",
            "back": "نعم. يبقى نشاطك اليومي (daglig verksamhet) خلال التدريب العملي.\nيمكنك إنهاء التدريب إذا لم يكن مريحًا لك.",
        },
    },
    "stod-till-jobb": {
        "sv": {
            "title": "Stöd till jobb",
            "summary": "En coach hjälper dig till ett vanligt jobb.",
            "what": "Du får en coach.\nCoachen hjälper dig att hitta ett jobb som passar dig.\nCoachen finns kvar när du har fått jobbet.\nDet heter Supported Employment. IPS är ett sätt att göra det.",
            "who": "Det är för dig som vill ha ett jobb.\nJobbet är på en vanlig plats, med andra som jobbar där.",
            "start": "Säg till din handläggare på kommunen.\nHen tar kontakt med dem som har coacherna.",
            "help": "Coachen hjälper dig att söka jobb.\nCoachen pratar med din chef.\nCoachen finns kvar så länge du behöver.",
            "money": _MONEY_TRY_SV,
            "back": _BACK_JOB_SV,
        },
        "en": {
            "title": "Supported Employment",
            "summary": "A coach helps you into an ordinary job.",
            "what": "You get a coach.\nThe coach helps you find a job that suits you.\nThe coach stays when you have got the job.\nIt is called Supported Employment. IPS is one way of doing it.",
            "who": "It is for you if you want a job.\nThe job is at an ordinary workplace, with others who work there.",
            "start": "Tell your case officer at the municipality.\nThey get in touch with the people who have the coaches.",
            "help": "The coach helps you look for a job.\nThe coach talks to your boss.\nThe coach stays as long as you need.",
            "money": _MONEY_TRY_EN,
            "back": _BACK_JOB_EN,
        },
        "ar": {
            "title": "مساعدة للوصول إلى عمل (Supported Employment)",
            "summary": "مدرّب يساعدك في الوصول إلى عمل عادي.",
            "what": "يكون لك مدرّب (coach).\nالمدرّب يساعدك في إيجاد عمل مناسب لك.\nيبقى المدرّب معك بعد حصولك على العمل.\nاسمه Supported Employment. و IPS طريقة من طرقه.",
            "who": "هذا لمن لديه رغبة في العمل.\nالعمل في مكان عادي، مع أشخاص آخرين يعملون هناك.",
            "start": "يمكنك إخبار مسؤول ملفك في البلدية.\nهو يتواصل مع الجهة التي لديها المدرّبون.",
            "help": "المدرّب يساعدك في البحث عن عمل.\nالمدرّب يتحدث مع مديرك.\nيبقى المدرّب معك طوال المدة اللازمة لك.",
            "money": _MONEY_TRY_AR,
            "back": _BACK_JOB_AR,
        },
    },
    "sius": {
        "sv": {
            "title": "Stöd från Arbetsförmedlingen",
            "summary": "En person som hjälper dig när du ska börja jobba.",
            "what": "En SIUS-konsult är en person från Arbetsförmedlingen som hjälper dig på en ny arbetsplats.\nHen hjälper dig att komma in på jobbet.",
            "who": "Det är för dig som ska börja ett jobb.\nDu vill ha hjälp på plats.",
            "start": "Din handläggare på kommunen kan hjälpa dig att ta kontakt.\nDu kan också fråga på Arbetsförmedlingen.",
            "help": "Personen går med dig till jobbet.\nHen visar dig och din chef hur det kan bli bra.\nHen kommer tillbaka och frågar hur det går.",
            "money": _MONEY_TRY_SV,
            "back": _BACK_JOB_SV,
        },
        "en": {
            "title": "Support from Arbetsförmedlingen",
            "summary": "A person who helps you when you start working.",
            "what": "A SIUS consultant is a person from Arbetsförmedlingen, the employment service, who helps you at a new workplace.\nThey help you settle in at the job.",
            "who": "It is for you if you are starting a job.\nYou want help at the workplace.",
            "start": "Your case officer at the municipality can help you get in touch.\nYou can also ask at Arbetsförmedlingen.",
            "help": "The person goes with you to the job.\nThey show you and your boss how it can work well.\nThey come back and ask how it is going.",
            "money": _MONEY_TRY_EN,
            "back": _BACK_JOB_EN,
        },
        "ar": {
            "title": "مساعدة من Arbetsförmedlingen (مكتب العمل)",
            "summary": "شخص يساعدك عند بدء العمل.",
            "what": "مستشار SIUS شخص من Arbetsförmedlingen (مكتب العمل) يساعدك في مكان عمل جديد.\nيساعدك على الاندماج في العمل.",
            "who": "هذا لمن سيبدأ عملًا.\nولديه رغبة في مساعدة في مكان العمل.",
            "start": "يمكن لمسؤول ملفك في البلدية مساعدتك في التواصل.\nويمكنك أيضًا السؤال في Arbetsförmedlingen.",
            "help": "هذا الشخص يرافقك إلى العمل.\nيشرح لك ولمديرك كيف يسير العمل بشكل جيد.\nيعود لاحقًا ليسأل عن سير الأمور.",
            "money": _MONEY_TRY_AR,
            "back": _BACK_JOB_AR,
        },
    },
    "lonebidrag": {
        "sv": {
            "title": "Jobb med lönebidrag",
            "summary": "Ett jobb med lön, där staten betalar en del.",
            "what": "Du får ett jobb med lön.\nStaten betalar en del av din lön till din chef.\nDå kan jobbet få gå lite lugnare.",
            "who": "Det är för dig som kan jobba, men inte i full fart.",
            "start": "Säg till din handläggare på kommunen.\nArbetsförmedlingen bestämmer om du kan få lönebidrag.",
            "help": "Du får tid att lära dig.\nDu kan få hjälp av någon på jobbet.",
            "money": _MONEY_PAID_SV,
            "back": _BACK_JOB_SV,
        },
        "en": {
            "title": "Job with wage subsidy",
            "summary": "A job with pay, where the state pays part.",
            "what": "You get a job with pay.\nThe state pays part of your pay to your boss.\nThen the job can go a little slower.",
            "who": "It is for you if you can work, but not at full speed.",
            "start": "Tell your case officer at the municipality.\nArbetsförmedlingen, the employment service, decides if you can get a wage subsidy.",
            "help": "You get time to learn.\nSomeone at work can help you.",
            "money": _MONEY_PAID_EN,
            "back": _BACK_JOB_EN,
        },
        "ar": {
            "title": "عمل مع دعم للراتب (lönebidrag)",
            "summary": "عمل براتب، تدفع الدولة جزءًا منه.",
            "what": "هذا عمل براتب.\nتدفع الدولة جزءًا من راتبك لمديرك.\nلذلك يمكن أن يكون العمل أهدأ قليلًا.",
            "who": "هذا لمن يستطيع العمل، لكن ليس بسرعة كاملة.",
            "start": "يمكنك إخبار مسؤول ملفك في البلدية.\nمكتب العمل Arbetsförmedlingen يقرر إمكانية الحصول على lönebidrag.",
            "help": "يكون لديك وقت للتعلّم.\nيمكن لشخص في العمل مساعدتك.",
            "money": _MONEY_PAID_AR,
            "back": _BACK_JOB_AR,
        },
    },
    "serviceassistent": {
        "sv": {
            "title": "Jobba som assistent i kommunen",
            "summary": "Ett jobb med lön i kommunen, i högst två år.",
            "what": "Du jobbar i kommunen.\nDu hjälper till med enkla saker.\nDet kan vara att städa, bära eller laga mat.\nDu får lön.\nJobbet är i högst två år.",
            "who": "Det är för dig som vill prova ett riktigt jobb.\nDu vill ha lugn och hjälp.",
            "start": "Säg till din handläggare på kommunen.\nHen tar reda på om det finns jobb just nu.",
            "help": "Du har en person på jobbet som hjälper dig.\nDu lär dig saker som du kan ha nytta av sen.",
            "money": _MONEY_PAID_SV,
            "back": "Jobbet tar slut efter högst två år.\nPrata med din handläggare på kommunen i god tid om vad som händer sen.\n"
            + _BACK_JOB_SV,
        },
        "en": {
            "title": "Service assistant in the municipality",
            "summary": "A job with pay in the municipality, for up to two years.",
            "what": "You work for the municipality.\nYou help with simple things.\nIt can be cleaning, carrying or cooking.\nYou get pay.\nThe job lasts up to two years.",
            "who": "It is for you if you want to try a real job.\nYou want calm and help.",
            "start": "Tell your case officer at the municipality.\nThey find out if there are jobs right now.",
            "help": "You have a person at work who helps you.\nYou learn things you can use later.",
            "money": _MONEY_PAID_EN,
            "back": "The job ends after two years at most.\nTalk to your case officer at the municipality in good time about what happens next.\n"
            + _BACK_JOB_EN,
        },
        "ar": {
            "title": "العمل كمساعد في البلدية (serviceassistent)",
            "summary": "عمل براتب في البلدية، لمدة سنتين على الأكثر.",
            "what": "العمل يكون في البلدية.\nفيه مساعدة في أشياء بسيطة.\nمثل التنظيف أو الحمل أو الطبخ.\nلهذا العمل راتب.\nمدة العمل سنتان على الأكثر.",
            "who": "هذا لمن لديه رغبة في تجربة عمل حقيقي.\nمع الهدوء والمساعدة.",
            "start": "يمكنك إخبار مسؤول ملفك في البلدية.\nهو يعرف إن كان هناك عمل متاح الآن.",
            "help": "في العمل شخص يساعدك.\nفيه تعلّم أشياء مفيدة لاحقًا.",
            "money": _MONEY_PAID_AR,
            "back": "ينتهي العمل بعد سنتين على الأكثر.\nمن المهم الحديث مع مسؤول ملفك في البلدية مبكرًا عما سيحدث بعد ذلك.\n"
            + _BACK_JOB_AR,
        },
    },
    "samhall": {
        "sv": {
            "title": "Samhall",
            "summary": "Ett stort företag där många får hjälp på jobbet.",
            "what": "Samhall är ett företag som staten äger. Samhall ger jobb till personer med funktionsnedsättning.\nDe städar, packar och tar hand om saker.\nDu får lön.",
            "who": "Det är för dig som vill ha ett jobb med lön.\nDu behöver hjälp för att jobba.",
            "start": "Det är Arbetsförmedlingen som bestämmer.\nSäg till din handläggare på kommunen att du vill veta mer.",
            "help": "Du har en chef som vet vad du behöver.\nDu kan lära dig nya saker på jobbet.",
            "money": _MONEY_PAID_SV,
            "back": _BACK_JOB_SV,
        },
        "en": {
            "title": "Samhall",
            "summary": "A big company where many get help at work.",
            "what": "Samhall is a company owned by the state. Samhall gives jobs to people with disabilities.\nThey clean, pack and take care of things.\nYou get pay.",
            "who": "It is for you if you want a job with pay.\nYou need help to work.",
            "start": "Arbetsförmedlingen, the employment service, decides.\nTell your case officer at the municipality that you want to know more.",
            "help": "You have a boss who knows what you need.\nYou can learn new things at work.",
            "money": _MONEY_PAID_EN,
            "back": _BACK_JOB_EN,
        },
        "ar": {
            "title": "Samhall",
            "summary": "شركة كبيرة يحصل فيها كثيرون على مساعدة في العمل.",
            "what": "Samhall شركة تملكها الدولة. تعطي Samhall عملًا لأشخاص لديهم إعاقة.\nالعمل فيها تنظيف وتغليف والعناية بالأشياء.\nلهذا العمل راتب.",
            "who": "هذا لمن لديه رغبة في عمل براتب.\nويحتاج إلى مساعدة في العمل.",
            "start": "مكتب العمل Arbetsförmedlingen هو الذي يقرر.\nيمكنك إخبار مسؤول ملفك في البلدية برغبتك في معرفة المزيد.",
            "help": "يكون لك مدير يعرف احتياجاتك.\nيمكنك تعلّم أشياء جديدة في العمل.",
            "money": _MONEY_PAID_AR,
            "back": _BACK_JOB_AR,
        },
    },
    "folkhogskola": {
        "sv": {
            "title": "Folkhögskola",
            "summary": "En skola för vuxna, i lugn takt.",
            "what": "Folkhögskola är en skola för vuxna.\nDu läser i din egen takt.\nDet finns kurser för dig som vill ha mer hjälp.\nIbland kan du bo på skolan.",
            "who": "Det är för dig som vill lära dig mer.\nDu är 18 år eller äldre.",
            "start": "Säg till din handläggare på kommunen eller din handledare.\nNi kan leta en kurs ihop.\nSen skickar du in ett papper.",
            "help": "Lärarna tar det lugnt.\nDu kan få hjälp att läsa och skriva.",
            "money": "Kursen kostar oftast inget.\nMen att bo och äta på skolan kostar pengar.\nBöcker och resor kan också kosta.\n"
            + _MONEY_STUDY_SV,
            "back": _BACK_STUDY_SV,
        },
        "en": {
            "title": "Folk high school",
            "summary": "A school for adults, at a calm pace.",
            "what": "A folk high school is a school for adults.\nYou study at your own pace.\nThere are courses for you if you want more help.\nSometimes you can live at the school.",
            "who": "It is for you if you want to learn more.\nYou are 18 or older.",
            "start": "Tell your case officer at the municipality or your supervisor.\nYou can look for a course together.\nThen you send in a form.",
            "help": "The teachers take it calmly.\nYou can get help to read and write.",
            "money": "The course usually costs nothing.\nBut living and eating at the school costs money.\nBooks and travel can cost too.\n"
            + _MONEY_STUDY_EN,
            "back": _BACK_STUDY_EN,
        },
        "ar": {
            "title": "Folkhögskola (مدرسة شعبية للكبار)",
            "summary": "مدرسة للكبار، بإيقاع هادئ.",
            "what": "Folkhögskola مدرسة للكبار.\nالدراسة فيها حسب إيقاعك.\nفيها دورات لمن يحتاج إلى مساعدة أكثر.\nأحيانًا يمكن السكن في المدرسة.",
            "who": "هذا لمن لديه رغبة في تعلّم المزيد.\nمن عمر 18 سنة فما فوق.",
            "start": "يمكنك إخبار مسؤول ملفك في البلدية أو مشرفك.\nالبحث عن دورة يكون معًا.\nبعدها يُرسل طلب مكتوب.",
            "help": "المعلمون هادئون.\nيمكنك الحصول على مساعدة في القراءة والكتابة.",
            "money": "الدورة غالبًا بلا تكلفة.\nلكن السكن والأكل في المدرسة لهما تكلفة.\nوالكتب والسفر قد تكلف أيضًا.\n"
            + _MONEY_STUDY_AR,
            "back": _BACK_STUDY_AR,
        },
    },
    "komvux": {
        "sv": {
            "title": "Skola för vuxna i kommunen",
            "summary": "Lär dig mer. Det heter komvux.",
            "what": "Komvux är kommunens skola för vuxna.\nSärvux är en del av komvux för dig med intellektuell funktionsnedsättning.\nDär kan du lära dig att läsa, skriva och räkna.",
            "who": "Det är för dig som vill lära dig mer.\nDu är vuxen.",
            "start": "Säg till din handläggare på kommunen eller din handledare.\nNi kan fråga skolan ihop.",
            "help": "Du läser i små grupper.\nLärarna tar det lugnt.",
            "money": "Skolan kostar inga pengar.\nBöcker och resor kan kosta lite.\n"
            + _MONEY_STUDY_SV,
            "back": _BACK_STUDY_SV,
        },
        "en": {
            "title": "Adult education in the municipality",
            "summary": "Learn more. It is called komvux.",
            "what": "Komvux is the municipality's school for adults.\nSärvux is the part of komvux for people with an intellectual disability.\nThere you can learn to read, write and count.",
            "who": "It is for you if you want to learn more.\nYou are an adult.",
            "start": "Tell your case officer at the municipality or your supervisor.\nYou can ask the school together.",
            "help": "You study in small groups.\nThe teachers take it calmly.",
            "money": "The school costs nothing.\nBooks and travel can cost a little.\n"
            + _MONEY_STUDY_EN,
            "back": _BACK_STUDY_EN,
        },
        "ar": {
            "title": "مدرسة الكبار في البلدية (komvux)",
            "summary": "تعلّم المزيد. اسمها komvux.",
            "what": "Komvux مدرسة البلدية للكبار.\nSärvux جزء من komvux لمن لديه إعاقة ذهنية.\nفيها يمكن تعلّم القراءة والكتابة والحساب.",
            "who": "هذا لمن لديه رغبة في تعلّم المزيد.\nللكبار.",
            "start": "يمكنك إخبار مسؤول ملفك في البلدية أو مشرفك.\nيمكن سؤال المدرسة معًا.",
            "help": "الدراسة في مجموعات صغيرة.\nالمعلمون هادئون.",
            "money": "المدرسة بلا تكلفة.\nالكتب والسفر قد تكلف قليلًا.\n" + _MONEY_STUDY_AR,
            "back": _BACK_STUDY_AR,
        },
    },
    "annan-daglig-verksamhet": {
        "sv": {
            "title": "En annan daglig verksamhet",
            "summary": "Byt till ett annat ställe.",
            "what": "Du kan byta till ett annat ställe.\nDet finns många olika.\nDet kan vara ett kafé, en trädgård eller en verkstad.",
            "who": "Det är för dig som vill göra något annat.\nEller om du inte trivs där du är nu.",
            "start": "Säg till din handläggare på kommunen.\nDu kan få hälsa på där först.",
            "help": "Din handläggare hjälper dig att välja.\nNågon kan gå med dig första dagen.",
            "money": _MONEY_SAME_SV,
            "back": "Du kan be att få byta tillbaka.\nDin gamla plats kan vara tagen.\nDin handläggare på kommunen hjälper dig.",
        },
        "en": {
            "title": "Another daily activity",
            "summary": "Change to another place.",
            "what": "You can change to another place.\nThere are many different ones.\nIt can be a café, a garden or a workshop.",
            "who": "It is for you if you want to do something else.\nOr if you do not like it where you are now.",
            "start": "Tell your case officer at the municipality.\nYou can visit the place first.",
            "help": "Your case officer helps you choose.\nSomeone can go with you the first day.",
            "money": _MONEY_SAME_EN,
            "back": "You can ask to change back.\nYour old place may be taken.\nYour case officer at the municipality helps you.",
        },
        "ar": {
            "title": "نشاط يومي آخر (daglig verksamhet)",
            "summary": "الانتقال إلى مكان آخر.",
            "what": "يمكنك الانتقال إلى مكان آخر.\nهناك أماكن كثيرة مختلفة.\nمثل مقهى أو حديقة أو ورشة.",
            "who": "هذا لمن لديه رغبة في عمل شيء آخر.\nأو إذا كان المكان الحالي غير مريح.",
            "start": "يمكنك إخبار مسؤول ملفك في البلدية.\nيمكنك زيارة المكان أولًا.",
            "help": "مسؤول ملفك يساعدك في الاختيار.\nيمكن لشخص مرافقتك في اليوم الأول.",
            "money": _MONEY_SAME_AR,
            "back": "يمكنك طلب العودة إلى المكان القديم.\nقد يكون مكانك القديم مشغولًا.\nمسؤول ملفك في البلدية يساعدك.",
        },
    },
    "steg-for-steg": {
        "sv": {
            "title": "Steg för steg mot jobb",
            "summary": "Små steg mot ett jobb, med din grupp.",
            "what": "Du tar små steg mot ett jobb.\nFörst jobbar du i en grupp där du är nu.\nSen jobbar gruppen på ett företag.\nTill sist får du en egen plats på ett företag.",
            "who": "Det är för dig som vill jobba.\nDu vill ta det lugnt och i din egen takt.",
            "start": "Prata med din handledare på daglig verksamhet.\nNi bestämmer ihop när du kan börja.",
            "help": "Din handledare är med dig i varje steg.\nDu går vidare när du är redo.",
            "money": _MONEY_SAME_SV,
            "back": "Ja. Du kan gå ett steg tillbaka när du vill.\nDu har kvar din dagliga verksamhet hela tiden.",
        },
        "en": {
            "title": "Step by step towards a job",
            "summary": "Small steps towards a job, with your group.",
            "what": "You take small steps towards a job.\nFirst you work in a group where you are now.\nThen the group works at a company.\nIn the end you get a place of your own at a company.",
            "who": "It is for you if you want to work.\nYou want to take it calmly, at your own pace.",
            "start": "Talk to your supervisor at your daily activity.\nYou decide together when you can start.",
            "help": "Your supervisor is with you at every step.\nYou go on when you are ready.",
            "money": _MONEY_SAME_EN,
            "back": "Yes. You can go a step back whenever you want.\nYou keep your daily activity the whole time.",
        },
        "ar": {
            "title": "خطوة بخطوة نحو العمل",
            "summary": "خطوات صغيرة نحو عمل، مع مجموعتك.",
            "what": "خطوات صغيرة نحو العمل.\nأولًا العمل في مجموعة في مكانك الحالي.\nثم تعمل المجموعة في شركة.\nوفي النهاية يكون لك مكان خاص بك في شركة.",
            "who": "هذا لمن لديه رغبة في العمل.\nبهدوء وحسب إيقاعه الخاص.",
            "start": "يمكنك التحدث مع مشرفك في النشاط اليومي (daglig verksamhet).\nموعد البدء تقررانه معًا.",
            "help": "مشرفك معك في كل خطوة.\nالانتقال إلى الخطوة التالية عند الاستعداد.",
            "money": _MONEY_SAME_AR,
            "back": "نعم. يمكنك الرجوع خطوة في أي وقت.\nيبقى نشاطك اليومي (daglig verksamhet) طوال الوقت.",
        },
    },
}


def _alternative_table():
    return sa.table(
        "alternative",
        sa.column("id", sa.Integer),
        sa.column("key", sa.String),
        sa.column("texts", sa.JSON),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("facts_checked_on", sa.Date),
        sa.column("facts_check_note", sa.String),
    )


_QUESTION_SET = sa.table(
    "question_set",
    sa.column("id", sa.Integer),
    sa.column("version", sa.Integer),
    sa.column("questions", sa.JSON),
)


def upgrade() -> None:
    with op.batch_alter_table("alternative", schema=None) as batch_op:
        batch_op.add_column(sa.Column("facts_checked_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "facts_check_note",
                sqlmodel.sql.sqltypes.AutoString(length=400),
                nullable=False,
                server_default="",
            )
        )
    connection = op.get_bind()
    alternative = _alternative_table()
    rows = connection.execute(
        sa.select(
            alternative.c.id, alternative.c.key, alternative.c.texts, alternative.c.updated_at
        )
    ).all()
    for row in rows:
        new = TEXTS.get(row.key)
        if new is None:
            continue
        texts = dict(row.texts or {})
        values = {}
        if row.updated_at is None:  # the default, untouched: the new default replaces it
            texts = {code: dict(parts) for code, parts in new.items()}
            values = {"facts_checked_on": CHECKED_ON, "facts_check_note": CHECK_NOTE}
        elif not texts.get("ar"):
            texts["ar"] = dict(new["ar"])
        values["texts"] = texts
        connection.execute(alternative.update().where(alternative.c.id == row.id).values(**values))

    # The newest question set gets the answer in place: adding a choice keeps every answer
    # already given valid, and check-ins under way can use it too.
    latest = connection.execute(
        sa.select(_QUESTION_SET.c.id, _QUESTION_SET.c.questions)
        .order_by(_QUESTION_SET.c.version.desc())
        .limit(1)
    ).first()
    if latest is not None:
        questions = _with_not_now(latest.questions, add=True)
        connection.execute(
            _QUESTION_SET.update()
            .where(_QUESTION_SET.c.id == latest.id)
            .values(questions=questions)
        )


def _with_not_now(questions: list, add: bool) -> list:
    changed = []
    for question in questions:
        question = dict(question)
        if question.get("key") == "try_new":
            choices = [c for c in question["choices"] if c != "not_now"]
            question["choices"] = [*choices, "not_now"] if add else choices
        changed.append(question)
    return changed


def downgrade() -> None:
    connection = op.get_bind()
    for row in connection.execute(sa.select(_QUESTION_SET.c.id, _QUESTION_SET.c.questions)).all():
        connection.execute(
            _QUESTION_SET.update()
            .where(_QUESTION_SET.c.id == row.id)
            .values(questions=_with_not_now(row.questions, add=False))
        )
    # The texts stay as they are: they are the municipality's content from now on.
    with op.batch_alter_table("alternative", schema=None) as batch_op:
        batch_op.drop_column("facts_check_note")
        batch_op.drop_column("facts_checked_on")
