"""The demo curriculum: our own short writing about each topic, in Spanish and English."""

HOME_INTRODUCTIONS = {
    "es": (
        "<p>Claves acompaña a quienes acompañan: personas defensoras, familias que buscan "
        "a sus seres queridos, sobrevivientes y equipos comunitarios que enfrentan la "
        "violencia sociopolítica. Aquí se estudian, a su ritmo o en grupo, los cuadernillos "
        "de la serie sobre acompañamiento psicosocial.</p>"
    ),
    "en": (
        "<p>Claves supports those who accompany others: human rights defenders, families "
        "searching for their loved ones, survivors and community teams facing "
        "sociopolitical violence. Here the booklets of the psychosocial accompaniment "
        "series are studied, alone at one's own pace or together in a workshop.</p>"
    ),
}
