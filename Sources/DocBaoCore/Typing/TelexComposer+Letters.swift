extension TelexComposer {
    /// A Vietnamese tone (thanh điệu); `.none` is the level tone, written without a mark.
    enum Tone: Int, CaseIterable, Sendable {
        case none, grave, acute, hook, tilde, dot
    }

    /// A mark that makes a different letter: the hat of â ê ô, the breve of ă, the horn of ơ ư,
    /// the bar of đ.
    enum Mark: Sendable {
        case none, hat, breve, horn, bar
    }

    /// Reads and rewrites single Vietnamese letters: their tone, their mark, their case.
    ///
    /// Letters are always produced precomposed (NFC), and recognised whatever their normalisation,
    /// since `Character` compares canonically equivalent clusters as equal.
    enum Letters {
        /// The twelve vowel letters, each with its six tones in `Tone` order.
        private static let rows: [(family: Character, mark: Mark, forms: [Character])] = [
            ("a", .none, Array("aàáảãạ")), ("a", .breve, Array("ăằắẳẵặ")), ("a", .hat, Array("âầấẩẫậ")),
            ("e", .none, Array("eèéẻẽẹ")), ("e", .hat, Array("êềếểễệ")),
            ("i", .none, Array("iìíỉĩị")),
            ("o", .none, Array("oòóỏõọ")), ("o", .hat, Array("ôồốổỗộ")), ("o", .horn, Array("ơờớởỡợ")),
            ("u", .none, Array("uùúủũụ")), ("u", .horn, Array("ưừứửữự")),
            ("y", .none, Array("yỳýỷỹỵ")),
        ]

        /// Each lowercase vowel letter → its row in `rows` and its tone.
        private static let vowels: [Character: (row: Int, tone: Tone)] = {
            var table: [Character: (row: Int, tone: Tone)] = [:]
            for (row, entry) in rows.enumerated() {
                for (tone, form) in zip(Tone.allCases, entry.forms) { table[form] = (row, tone) }
            }
            return table
        }()

        /// `c` in lowercase, or `c` itself when lowercasing would not give a single character.
        static func lowercase(_ c: Character) -> Character {
            let lower = c.lowercased()
            return lower.count == 1 ? Character(lower) : c
        }

        /// `c` in the case of `model`.
        private static func matchingCase(_ c: Character, _ model: Character) -> Character {
            guard model.isUppercase else { return c }
            let upper = c.uppercased()
            return upper.count == 1 ? Character(upper) : c
        }

        /// Whether `c` is a vowel letter, with or without marks and tone, in either case.
        static func isVowel(_ c: Character) -> Bool { vowels[lowercase(c)] != nil }

        /// Whether `c` is a vowel letter or d/đ, in either case.
        static func isVietnamese(_ c: Character) -> Bool {
            isVowel(c) || "dđ".contains(lowercase(c))
        }

        /// `c` precomposed, if it is a Vietnamese letter typed in another normalisation.
        static func canonical(_ c: Character) -> Character {
            if let entry = vowels[lowercase(c)] { return matchingCase(rows[entry.row].forms[entry.tone.rawValue], c) }
            return lowercase(c) == "đ" ? matchingCase("đ", c) : c
        }

        /// The tone `c` carries (`.none` for anything that is not a toned vowel).
        static func tone(of c: Character) -> Tone { vowels[lowercase(c)]?.tone ?? .none }

        /// `c` carrying `tone` instead of its own; anything but a vowel is returned unchanged.
        static func setting(tone: Tone, on c: Character) -> Character {
            guard let entry = vowels[lowercase(c)] else { return c }
            return matchingCase(rows[entry.row].forms[tone.rawValue], c)
        }

        /// The mark on `c`: hat, breve, horn, bar (đ), or none.
        static func mark(of c: Character) -> Mark {
            if lowercase(c) == "đ" { return .bar }
            guard let entry = vowels[lowercase(c)] else { return .none }
            return rows[entry.row].mark
        }

        /// `c` carrying `mark` instead of its own, keeping its tone and case; unchanged when the
        /// letter cannot carry that mark (a horn on a, a hat on u). `.none` removes any mark.
        static func setting(mark: Mark, on c: Character) -> Character {
            let lower = lowercase(c)
            if lower == "d" || lower == "đ" {
                switch mark {
                case .bar: return matchingCase("đ", c)
                case .none: return matchingCase("d", c)
                default: return c
                }
            }
            guard let entry = vowels[lower],
                  let target = rows.first(where: { $0.family == rows[entry.row].family && $0.mark == mark })
            else { return c }
            return matchingCase(target.forms[entry.tone.rawValue], c)
        }

        /// `c` without tone and mark, in lowercase: the plain letter of the alphabet it is built on.
        static func plain(_ c: Character) -> Character {
            guard let entry = vowels[lowercase(c)] else { return lowercase(c) == "đ" ? "d" : lowercase(c) }
            return rows[entry.row].family
        }
    }
}
