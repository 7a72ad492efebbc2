//! The codes the outside world names languages and organs by: ISO 639 for
//! languages, "GA" / "SC" / "ECOSOC" for organs. Every format that writes or
//! reads a code goes through here, so each code is spelled once.

use super::{Body, Lang};

impl Lang {
    /// All six, in UN alphabetical order (by English name).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// ISO 639-1 code ("zh"), used in file names and Markdown front matter.
    pub fn iso639_1(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// ISO 639-2 code ("zho"), which Akoma Ntoso FRBR expressions require.
    pub fn iso639_2(self) -> &'static str {
        match self {
            Lang::Ar => "ara",
            Lang::Zh => "zho",
            Lang::En => "eng",
            Lang::Fr => "fra",
            Lang::Ru => "rus",
            Lang::Es => "spa",
        }
    }

    /// Parses either ISO code, case-insensitively.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.iso639_1() == code || l.iso639_2() == code)
    }

    /// Whether the script is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

impl Body {
    /// All three organs.
    pub const ALL: [Body; 3] = [
        Body::GeneralAssembly,
        Body::SecurityCouncil,
        Body::EconomicAndSocialCouncil,
    ];

    /// The short code ("GA", "SC", "ECOSOC") used in front matter, the AKN
    /// proprietary block and the IR's JSON (the serde names agree: tested).
    pub fn code(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "GA",
            Body::SecurityCouncil => "SC",
            Body::EconomicAndSocialCouncil => "ECOSOC",
        }
    }

    /// The organ's actor name in AKN4UN IRIs and references ("unga").
    pub fn akn_actor(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "unga",
            Body::SecurityCouncil => "unsc",
            Body::EconomicAndSocialCouncil => "unecosoc",
        }
    }

    /// The organ's name as AKN4UN references show it (in English, whatever
    /// the document's language).
    pub fn akn_name(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "General Assembly",
            Body::SecurityCouncil => "Security Council",
            Body::EconomicAndSocialCouncil => "Economic and Social Council",
        }
    }

    /// The organ an AKN4UN actor name names.
    pub fn from_akn_actor(actor: &str) -> Option<Body> {
        Body::ALL.into_iter().find(|b| b.akn_actor() == actor)
    }

    /// Parses a short code, case-insensitively.
    pub fn from_code(code: &str) -> Option<Body> {
        let code = code.trim();
        Body::ALL
            .into_iter()
            .find(|b| b.code().eq_ignore_ascii_case(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_codes_agree_with_the_json_names() {
        for b in Body::ALL {
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(json, format!("\"{}\"", b.code()));
            assert_eq!(Body::from_code(b.code()), Some(b));
            assert_eq!(Body::from_akn_actor(b.akn_actor()), Some(b));
        }
        assert_eq!(Body::from_code("sc"), Some(Body::SecurityCouncil));
        assert_eq!(Body::from_code("UN"), None);
    }

    #[test]
    fn language_codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.iso639_1()), Some(l));
            assert_eq!(Lang::from_code(l.iso639_2()), Some(l));
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.iso639_1()));
        }
    }
}
