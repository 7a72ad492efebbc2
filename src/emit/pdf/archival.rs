//! PDF/A-2u (ISO 19005-2, level U): what an archive asks of a file beyond
//! what every unres PDF already has (fonts embedded, text mapped to
//! Unicode, no encryption, no scripts, an identifier in the trailer). Two
//! additions: XMP metadata that says the file conforms and repeats the
//! document information, and an output intent whose ICC profile gives the
//! page's device colour (black text and rules, DeviceGray) a meaning.
//! The profile is written here, as data, not read from the system.

use lopdf::{Dictionary, Object, Stream};

use crate::error::EmitError;

/// What the metadata repeats from the document information.
pub struct Described<'a> {
    /// Symbol and title.
    pub title: &'a str,
    /// The symbol.
    pub subject: &'a str,
    /// ISO 639-1 language tag.
    pub lang: &'a str,
    /// Creation and modification date, seconds since 1970.
    pub epoch: i64,
}

/// Makes `lo` a PDF/A-2u file: metadata stream and output intent in the
/// catalog, document information dates written as the metadata's.
pub fn archival(lo: &mut lopdf::Document, d: &Described) -> Result<(), EmitError> {
    let date = Date::of(d.epoch);
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(Object::Dictionary(info)) = lo.get_object_mut(info) {
            for key in ["CreationDate", "ModDate"] {
                info.set(key, Object::string_literal(date.pdf()));
            }
            // What the metadata says, which has no control characters.
            info.set("Title", super::write::utf16(printable(d.title).trim()));
            info.set("Subject", super::write::utf16(printable(d.subject).trim()));
        }
    }
    let mut meta = Stream::new(Dictionary::new(), xmp(d, &date).into_bytes());
    meta.dict.set("Type", Object::Name(b"Metadata".to_vec()));
    meta.dict.set("Subtype", Object::Name(b"XML".to_vec()));
    // Readers that do not know the metadata's filter must still find it.
    meta.allows_compression = false;
    let meta = lo.add_object(meta);
    let mut icc = Stream::new(Dictionary::new(), gray_profile());
    icc.dict.set("N", Object::Integer(1));
    let icc = lo.add_object(icc);
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    intent.set("OutputConditionIdentifier", Object::string_literal("Gray"));
    intent.set("Info", Object::string_literal(PROFILE_NAME));
    intent.set("DestOutputProfile", Object::Reference(icc));
    let catalog = lo
        .catalog_mut()
        .map_err(|e| EmitError::Other(format!("PDF catalog: {e}")))?;
    catalog.set("Metadata", Object::Reference(meta));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    Ok(())
}

/// A date in the forms the document information and XMP write it.
struct Date {
    y: i64,
    mo: u32,
    d: u32,
    h: i64,
    mi: i64,
    s: i64,
}

impl Date {
    /// The UTC calendar date of `epoch` (days to civil date after Howard
    /// Hinnant's algorithm).
    fn of(epoch: i64) -> Date {
        let days = epoch.div_euclid(86_400);
        let secs = epoch.rem_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let mo = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(mo <= 2);
        Date {
            y,
            mo,
            d,
            h: secs / 3600,
            mi: secs / 60 % 60,
            s: secs % 60,
        }
    }

    fn pdf(&self) -> String {
        let Date { y, mo, d, h, mi, s } = self;
        format!("D:{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z")
    }

    fn xmp(&self) -> String {
        let Date { y, mo, d, h, mi, s } = self;
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

/// XML text, escaped as the HTML emitter escapes it; C0 controls, which
/// XML 1.0 cannot hold, dropped.
fn xml(s: &str) -> String {
    let kept = printable(s);
    let mut out = String::with_capacity(kept.len());
    crate::emit::html::escape_into(&kept, &mut out);
    out
}

/// `s` without the C0 controls XML 1.0 cannot hold (tab and line ends
/// kept).
fn printable(s: &str) -> String {
    s.chars()
        .filter(|&c| (c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The XMP packet: conformance, and the document information again
/// (title, subject as description, creator tool, producer, dates).
fn xmp(d: &Described, date: &Date) -> String {
    let (title, subject) = (printable(d.title), printable(d.subject));
    let (title, subject, lang) = (xml(title.trim()), xml(subject.trim()), xml(d.lang));
    let when = date.xmp();
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\"\n\
 xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n\
 xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
 xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
 xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n\
<pdfaid:part>2</pdfaid:part>\n\
<pdfaid:conformance>U</pdfaid:conformance>\n\
<dc:format>application/pdf</dc:format>\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
<xmp:CreatorTool>unres</xmp:CreatorTool>\n\
<xmp:CreateDate>{when}</xmp:CreateDate>\n\
<xmp:ModifyDate>{when}</xmp:ModifyDate>\n\
<xmp:MetadataDate>{when}</xmp:MetadataDate>\n\
<pdf:Producer>unres (printpdf)</pdf:Producer>\n\
</rdf:Description>\n\
</rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>"
    )
}

const PROFILE_NAME: &str = "unres gray, D50, gamma 2.2";

/// A monochrome display profile (ICC.1:2001-04, version 2.1): D50 white,
/// a gamma of 2.2. The smallest profile that says what DeviceGray black
/// on white means, which is all the pages use.
fn gray_profile() -> Vec<u8> {
    let desc = text_description(PROFILE_NAME);
    let cprt = {
        let mut t = b"text\0\0\0\0".to_vec();
        t.extend_from_slice(b"No copyright, use freely\0");
        t
    };
    let wtpt = xyz(0.9642, 1.0, 0.8249);
    // curveType with one entry: gamma as u8Fixed8Number (2.2 -> 0x0233).
    let ktrc = b"curv\0\0\0\0\0\0\0\x01\x02\x33".to_vec();
    let tags: [(&[u8; 4], Vec<u8>); 4] = [
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", wtpt),
        (b"kTRC", ktrc),
    ];
    let mut body = Vec::new();
    let mut table = Vec::new();
    let start = 128 + 4 + 12 * tags.len();
    for (sig, data) in &tags {
        while !body.len().is_multiple_of(4) {
            body.push(0);
        }
        table.extend_from_slice(*sig);
        table.extend_from_slice(&((start + body.len()) as u32).to_be_bytes());
        table.extend_from_slice(&(data.len() as u32).to_be_bytes());
        body.extend_from_slice(data);
    }
    let size = (start + body.len()) as u32;
    let mut p = Vec::with_capacity(size as usize);
    p.extend_from_slice(&size.to_be_bytes());
    p.extend_from_slice(b"\0\0\0\0"); // preferred CMM: none
    p.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    p.extend_from_slice(b"mntrGRAYXYZ ");
    p.extend_from_slice(&[0u8; 12]); // date: none
    p.extend_from_slice(b"acsp");
    p.extend_from_slice(&[0u8; 24]); // platform, flags, manufacturer, model, attributes
    p.extend_from_slice(&[0, 0, 0, 0]); // rendering intent: perceptual
    p.extend_from_slice(&s15(0.9642));
    p.extend_from_slice(&s15(1.0));
    p.extend_from_slice(&s15(0.8249));
    p.resize(128, 0); // creator, profile id, reserved
    p.extend_from_slice(&(tags.len() as u32).to_be_bytes());
    p.extend_from_slice(&table);
    p.extend_from_slice(&body);
    p
}

/// An s15Fixed16Number.
fn s15(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut t = b"XYZ \0\0\0\0".to_vec();
    for v in [x, y, z] {
        t.extend_from_slice(&s15(v));
    }
    t
}

/// A textDescriptionType: the ASCII name, no Unicode or ScriptCode name.
fn text_description(name: &str) -> Vec<u8> {
    let mut t = b"desc\0\0\0\0".to_vec();
    t.extend_from_slice(&((name.len() + 1) as u32).to_be_bytes());
    t.extend_from_slice(name.as_bytes());
    t.push(0);
    t.extend_from_slice(&[0u8; 8]); // Unicode language code and count
    t.extend_from_slice(&[0u8; 3]); // ScriptCode code and count
    t.extend_from_slice(&[0u8; 67]); // ScriptCode name
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil_dates_in_utc() {
        assert_eq!(Date::of(0).xmp(), "1970-01-01T00:00:00Z");
        assert_eq!(Date::of(0).pdf(), "D:19700101000000Z");
        // 2024-02-29 12:34:56 UTC, a leap day.
        assert_eq!(Date::of(1_709_210_096).xmp(), "2024-02-29T12:34:56Z");
        assert_eq!(Date::of(-1).xmp(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn the_profile_is_as_long_as_it_says_and_its_tags_lie_inside() {
        let p = gray_profile();
        assert_eq!(
            u32::from_be_bytes(p[0..4].try_into().unwrap()) as usize,
            p.len()
        );
        assert_eq!(&p[36..40], b"acsp");
        let n = u32::from_be_bytes(p[128..132].try_into().unwrap()) as usize;
        assert_eq!(n, 4);
        for k in 0..n {
            let e = 132 + 12 * k;
            let off = u32::from_be_bytes(p[e + 4..e + 8].try_into().unwrap()) as usize;
            let len = u32::from_be_bytes(p[e + 8..e + 12].try_into().unwrap()) as usize;
            assert!(off.is_multiple_of(4) && off + len <= p.len(), "tag {k}");
            let kind = &p[off..off + 4];
            assert!([b"desc", b"text", b"XYZ ", b"curv"].contains(&kind.try_into().unwrap()));
        }
    }

    #[test]
    fn metadata_escapes_markup_and_drops_controls() {
        let d = Described {
            title: "A <b> & \"c\"\u{1}",
            subject: "A/RES/1/1",
            lang: "en",
            epoch: 0,
        };
        let x = xmp(&d, &Date::of(0));
        assert!(
            x.contains("A &lt;b&gt; &amp; &quot;c&quot;</rdf:li>"),
            "{x}"
        );
        assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
    }
}
