"""Files as a case system exports them, for the import tests."""

HEADER = "typ;id;namn;enhet;handläggare;användarnamn;roll;språk;kön;startdatum"
# Five rows that cannot be saved, each for a reason an administrator must be told.
BAD_ROWS = [
    ("deltagare;D-BAD1;;E-1;H-1;;;sv;;", "Namn saknas."),
    ("deltagare;D-BAD2;Kim;E-99;H-1;;;sv;;", "Okänd enhet"),
    ("deltagare;D-1;Tove;E-1;H-1;;;sv;;", "Dubblett: samma id finns redan på rad"),
    ("deltagare;D-BAD4;Ola;E-1;H-1;;;sv;;2025-13-45", "Datumet 2025-13-45 går inte att läsa"),
    ("deltagare;D-BAD5;Eva;E-1;H-1;;;sv;;19850101-1234", "personnummer"),
]


def participants_file(count: int, bad: bool = True, delimiter: str = ";") -> str:
    """Two units, a case officer, a supervisor, `count` participants; with `bad`, five more
    rows with errors among them (count includes them)."""
    lines = [
        HEADER,
        "enhet;E-1;Kaféet på Storgatan;;;;;;;",
        "enhet;E-2;Trädgården;;;;;;;",
        "personal;H-1;Karin Berg;;;karin.berg;handläggare;;;",
        "personal;S-1;Sara Lind;E-1;;sara.lind;handledare;;;",
    ]
    good = count - (len(BAD_ROWS) if bad else 0)
    for number in range(1, good + 1):
        unit = "E-1" if number % 2 else "E-2"
        lines.append(f"deltagare;D-{number};Person {number};{unit};H-1;;;sv;kvinna;2024-05-02")
        if bad and number % 35 == 0 and number // 35 <= len(BAD_ROWS):
            lines.append(BAD_ROWS[number // 35 - 1][0])
    if delimiter != ";":
        lines = [line.replace(";", delimiter) for line in lines]
    return "\n".join(lines) + "\n"
