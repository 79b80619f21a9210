namespace ChatTranscripts.Testing.Chats;

/// <summary>
/// Pieces the generator mixes into the demo chat's sentences: what real multi-platform chats carry besides English prose
/// (other scripts, which change how the scanners classify characters; links with and without a scheme; side hashtags;
/// one-word replies), so the scanners and renderers meet the character classes and entity mixes they meet in production.
/// </summary>
internal static class TextPool
{
    /// <summary>Sentences in other scripts, with the language tag a platform would send.</summary>
    public static readonly (string Lang, string Text)[] OtherScripts =
    [
        ("ja", "患者さんとの対話にソーシャルメディアはとても役立っています。"),
        ("zh", "社交媒体让医生和患者之间的距离更近了。"),
        ("ko", "소셜 미디어는 환자 교육에 큰 도움이 됩니다."),
        ("ru", "Социальные сети помогают пациентам находить поддержку между визитами к врачу."),
        ("ar", "وسائل التواصل الاجتماعي تساعد المرضى على فهم حالتهم بشكل أفضل."),
        ("he", "הרשתות החברתיות מקרבות בין רופאים למטופלים."),
        ("hi", "सोशल मीडिया मरीजों और डॉक्टरों के बीच की दूरी कम करता है।"),
        ("th", "โซเชียลมีเดียช่วยให้ผู้ป่วยเข้าถึงข้อมูลสุขภาพได้ง่ายขึ้น"),
        ("el", "Τα μέσα κοινωνικής δικτύωσης βοηθούν την ενημέρωση των ασθενών."),
        ("es", "Las redes sociales acercan a médicos y pacientes. ¡Sigamos así!"),
        ("fr", "Les réseaux sociaux rapprochent soignants et patients, à condition d'être modérés."),
        ("de", "Ärztinnen und Ärzte sollten öffentlich erreichbar sein – mit klaren Regeln."),
    ];

    /// <summary>Side hashtags, Latin and not (twitter-text accepts letters and marks of every script).</summary>
    public static readonly string[] Hashtags =
    [
        "#hcsm", "#MedEd", "#SoMe", "#patientsafety", "#FOAMed", "#nursing", "#PublicHealth", "#digitalhealth",
        "#医療", "#健康", "#здоровье", "#الصحة", "#स्वास्थ्य", "#santé", "#Gesundheitswesen", "#의료",
    ];

    /// <summary>Links as people paste them: shortened, long with query and fragment, and without a scheme.</summary>
    public static readonly string[] Urls =
    [
        "https://t.co/8pQx2LmZ7a",
        "https://www.jmir.org/2012/4/e85/",
        "https://socialmedia.mayoclinic.org/guidelines-for-mayo-clinic-employees/",
        "http://bmcmedicine.biomedcentral.com/articles/10.1186/1741-7015-10-88?utm_source=twitter&utm_medium=social#Sec3",
        "bmj.com/content/344/bmj.e3953",
        "https://www.nhs.uk/conditions/lupus/",
        "https://mastodon.social/@drnina/88097118347118848",
        "https://example.org/résumé/Ärzte?lang=de",
    ];

    /// <summary>The short end of a chat: acknowledgements that are little more than the hashtag.</summary>
    public static readonly string[] ShortReplies =
    [
        "+1", "Agreed!", "This 👆", "So true.", "👏👏👏", "Yes!", "Great point", "Same here", "💯", "Thanks!",
    ];

    /// <summary>Display names in other scripts, for authors beyond the demo's cast.</summary>
    public static readonly string[] OtherNames =
    [
        "山田 花子", "Анна Петрова", "محمد علي", "प्रिया शर्मा", "Ελένη Παπαδοπούλου", "김민준", "Zoë Ødegård", "José Núñez",
    ];
}
