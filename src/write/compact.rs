//! A compact JSON serializer that writes the bytes `serde_json::to_writer` writes, with a
//! faster string escape (issue 19).
//!
//! serde_json escapes a string by looking every byte up in a table (about 8 instructions
//! a byte, 5% of a page's instructions: each article's text is written twice, as blocks
//! and as `text`). Here a string is scanned eight bytes at a time for the only bytes JSON
//! escapes (`"`, `\`, and control characters below U+0020), the first of them found
//! exactly in the word; runs without them, nearly all of a Chinese page's text, are
//! copied whole. Everything else is serde_json's compact
//! form: no white space, `null` for `None` and unit, an enum variant with data as
//! `{"variant":…}`, integers in decimal, floats by serde_json itself. Map keys must be
//! strings (or integers, bools, finite floats or chars, written as strings), as
//! serde_json requires; a key of another type is an error as there. Tests compare the bytes with serde_json's.

use std::io::Write as _;

use serde::ser::{self, Serialize};

/// The error type: serde_json's, so that `?` lifts it into [`crate::ErrorKind::JsonOutput`].
pub type Error = serde_json::Error;

/// Writes `value` as compact JSON onto the end of `out`: the bytes
/// `serde_json::to_writer(out, value)` writes. Errors: a map key that is not a string,
/// an integer or a char, or the value's own `Serialize` failing.
pub fn to_vec<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Compact { out })
}

/// The serializer: the buffer written to.
struct Compact<'a> {
    out: &'a mut Vec<u8>,
}

/// The bytes of `w` (eight, little-endian) that JSON escapes, below 0x20, `"` and `\`,
/// as the high bit of each: zero when there is none, and its lowest set bit marks the
/// first exactly. (The zero-byte test `x - 0x01…01 & !x & 0x80…80`, and `x - 0x20…20 &
/// !x & 0x80…80` for a byte below 0x20, are exact up to the first byte they flag; a
/// borrow can only flag a byte after a true one.)
fn escape_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let q = w ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let b = w ^ (ONES * u64::from(b'\\'));
    let backslash = b.wrapping_sub(ONES) & !b;
    (below_space | quote | backslash) & HIGH
}

/// Writes `s` as a JSON string, quoted and escaped as serde_json does (`\"`, `\\`, `\b`,
/// `\f`, `\n`, `\r`, `\t`, other bytes below 0x20 as `\u00XX` in lowercase hex; DEL and
/// all else as they are). The text is read eight bytes at a time; the runs between
/// escapes are copied whole.
fn write_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    // `b[start..]` is not written yet; `i` is where the search goes on.
    let (mut start, mut i) = (0, 0);
    loop {
        // Sixteen bytes at a time while there is nothing to escape (fewer steps of the
        // loop for the long runs of text), then the word that holds the next escape.
        while let Some(chunk) = b.get(i..i + 16) {
            let (lo, hi) = chunk.split_at(8);
            let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("eight bytes"));
            if escape_mask(word(lo)) | escape_mask(word(hi)) != 0 {
                break;
            }
            i += 16;
        }
        let (mask, last) = match b.get(i..i + 8) {
            Some(word) => (escape_mask(u64::from_le_bytes(word.try_into().expect("eight bytes"))), false),
            None => {
                // The last few bytes, padded with a letter that is never escaped.
                let mut word = [b'a'; 8];
                word[..b.len() - i].copy_from_slice(&b[i..]);
                (escape_mask(u64::from_le_bytes(word)), true)
            }
        };
        if mask == 0 {
            if last {
                break;
            }
            i += 8;
            continue;
        }
        let at = i + (mask.trailing_zeros() / 8) as usize;
        out.extend_from_slice(&b[start..at]);
        let c = b[at];
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xF)]]),
        }
        start = at + 1;
        i = at + 1;
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// Writes an integer in decimal, as serde_json (itoa) does.
fn write_int(out: &mut Vec<u8>, v: impl std::fmt::Display) {
    // Writing into a Vec cannot fail.
    let _ = write!(out, "{v}");
}

/// An array, map or struct being written: `first` until its first element.
struct Compound<'s, 'a> {
    ser: &'s mut Compact<'a>,
    first: bool,
    /// What closes it: `]`, `}`, or `]}` / `}}` for an enum variant's data.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.ser.out.push(b',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.ser)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma();
        write_str(self.ser.out, key);
        self.ser.out.push(b':');
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        self.ser.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'s, 'a> Compact<'a> {
    fn open(&'s mut self, open: &[u8], close: &'static [u8]) -> Compound<'s, 'a> {
        self.out.extend_from_slice(open);
        Compound { ser: self, first: true, close }
    }

    /// `{"variant":` then `open`: an enum variant with data.
    fn open_variant(&'s mut self, variant: &str, open: u8, close: &'static [u8]) -> Compound<'s, 'a> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        self.open(&[open], close)
    }
}

/// The `serialize_*` methods of the ten integer types: `write_int` writes the number
/// (a value), `quoted` writes it in quotes (a map key).
macro_rules! integers {
    (write_int) => {
        integers!(@each |this, v| { write_int(this.out, v); Ok(()) });
    };
    (quoted) => {
        integers!(@each |this, v| this.quoted_int(v));
    };
    (@each |$this:ident, $v:ident| $body:expr) => {
        integers!(@one $this $v $body; serialize_i8 i8, serialize_i16 i16, serialize_i32 i32, serialize_i64 i64, serialize_i128 i128,
            serialize_u8 u8, serialize_u16 u16, serialize_u32 u32, serialize_u64 u64, serialize_u128 u128);
    };
    (@one $this:ident $v:ident $body:expr; $($method:ident $t:ty),*) => {$(
        fn $method(self, $v: $t) -> Result<(), Error> {
            let $this = self;
            $body
        }
    )*};
}

impl<'s, 'a> ser::Serializer for &'s mut Compact<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    integers!(write_int);
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, &v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, &v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq as _;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Ok(self.open_variant(variant, b'[', b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Ok(self.open_variant(variant, b'{', b"}}"))
    }
}

/// The element-by-element compounds: arrays, tuples, tuple structs and tuple variants.
macro_rules! elements {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}
elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The field-by-field compounds: structs and struct variants.
macro_rules! fields {
    ($($kind:ident),*) => {$(
        impl ser::$kind for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(KeySerializer { out: self.ser.out })?;
        self.ser.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// A map key: a string, or an integer, bool, finite float, char or unit variant
/// written as a string, as serde_json allows; anything else is an error.
struct KeySerializer<'a> {
    out: &'a mut Vec<u8>,
}

fn key_error() -> Error {
    ser::Error::custom("key must be a string")
}

impl KeySerializer<'_> {
    /// A float key, quoted, written by serde_json; not a finite one is an error.
    fn quoted_float(self, finite: bool, v: &impl Serialize) -> Result<(), Error> {
        if !finite {
            return Err(ser::Error::custom("float key must be finite (got NaN or +/-inf)"));
        }
        self.out.push(b'"');
        serde_json::to_writer(&mut *self.out, v)?;
        self.out.push(b'"');
        Ok(())
    }

    /// An integer or bool key, quoted.
    fn quoted_int(self, v: impl std::fmt::Display) -> Result<(), Error> {
        self.out.push(b'"');
        write_int(self.out, v);
        self.out.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    integers!(quoted);
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted_int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.quoted_float(v.is_finite(), &v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.quoted_float(v.is_finite(), &v)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    fn both<T: Serialize>(v: &T) -> (Vec<u8>, Vec<u8>) {
        let mut ours = Vec::new();
        to_vec(&mut ours, v).unwrap();
        (ours, serde_json::to_vec(v).unwrap())
    }

    #[test]
    fn every_byte_below_0x80_is_escaped_as_serde_json_escapes_it() {
        // Each ASCII byte alone, at every place in an eight-byte word and across two.
        for b in 0u8..0x80 {
            for pad in 0..17 {
                let s = format!("{}{}报道{}", "x".repeat(pad), char::from(b), "y".repeat(pad % 5));
                let (ours, theirs) = both(&s);
                assert_eq!(ours, theirs, "byte {b:#04x} after {pad}");
            }
        }
        // DEL (0x7f) is not escaped, as in serde_json.
        assert_eq!(both(&"a\"b\\c\n\u{1}\u{1f}\u{7f}").0, "\"a\\\"b\\\\c\\n\\u0001\\u001f\u{7f}\"".as_bytes());
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Unit,
        New(u8),
        Tuple(i32, i64),
        Fields { a: Option<u32>, b: Vec<String> },
    }

    #[derive(Serialize)]
    struct Inner {
        x: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        y: Option<String>,
    }

    #[derive(Serialize)]
    struct Outer {
        name: String,
        kinds: Vec<Kind>,
        #[serde(flatten)]
        inner: Inner,
        map: BTreeMap<u32, bool>,
        bools: BTreeMap<bool, ()>,
        empty: Vec<u8>,
        tuple: (char, f64, f32, i128, u128),
        unit: (),
        bytes: serde_bytes_like::Bytes,
    }

    /// `serialize_bytes` without a crate for it.
    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn structs_enums_maps_and_numbers_come_out_as_serde_json_writes_them() {
        let v = Outer {
            name: "《人民日报》\t第4版".into(),
            kinds: vec![Kind::Unit, Kind::New(7), Kind::Tuple(-3, i64::MIN), Kind::Fields { a: None, b: vec!["甲".into(), String::new()] }],
            inner: Inner { x: u64::MAX, y: Some("乙\"".into()) },
            map: [(1, true), (20, false)].into(),
            bools: [(true, ())].into(),
            empty: vec![],
            tuple: ('"', 0.1, 0.1, -170141183460469231731687303715884105728, u128::MAX),
            unit: (),
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
        };
        let (ours, theirs) = both(&v);
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        let (ours, theirs) = both(&[f64::NAN, f64::INFINITY, 1e300, -0.0]);
        assert_eq!(ours, theirs);
        assert_eq!(ours, b"[null,null,1e+300,-0.0]");
    }

    #[test]
    fn a_key_that_is_not_a_string_is_an_error_as_in_serde_json() {
        let v: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(to_vec(&mut Vec::new(), &v).is_err());
        assert!(serde_json::to_vec(&v).is_err());
        let mut out = Vec::new();
        to_vec(&mut out, &BTreeMap::from([(Some('k'), 1)])).unwrap();
        assert_eq!(out, br#"{"k":1}"#);
    }
}
