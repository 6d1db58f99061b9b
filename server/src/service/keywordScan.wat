;; Finds where the parser's body keywords start, for the whole text at once (see keywordScan.ts).
;; Built into keywordScanModule.ts by `node scripts/build-wasm.mjs`: edit this file, then run it.
;;
;; Input: the text as UTF-16 code units from byte address $base, $count units, followed by at least
;; 32 zero units. Output: from byte address $out, one (unit index, kind) pair of i32 per keyword start,
;; in text order; the result is the number of pairs.
;;
;; A keyword start is where a word starts (the unit before is not [A-Za-z0-9_], as a regex's \b sees
;; it) and the units spell one of these words in any ASCII case. Kinds: 1 BEGIN, 2 END, 3 SUMMARY,
;; 4 COMMENT, 5 NOTE, 6 BACKGROUND, 7 REF, 8 PARA. What follows the word is the caller's business
;; (NOTE and BACKGROUND count only before a colon).
;;
;; Sixteen units at a time: a vector pass marks the units that start a word and begin with the first
;; three letters of a keyword (REF, PAR, END, BEG, BAC, SUM, COM, NOT); only those few are then compared
;; in full, four units at a time. The three letters are checked with one table lookup rather than eight
;; comparisons: the low four bits of the sum of the three (folded) letters differ for the eight, so the
;; sum picks the one trigram a unit can begin, and three small tables hold its letters. Units above U+00FF narrow to 0xFF and U+8000 and above to 0: neither
;; is a word character nor a letter, as for the regex (whose \w is ASCII only).
(module
  (memory (export "memory") 1)

  ;; The kind of keyword whose first letter is at byte address $at, or 0.
  (func $kind (param $at i32) (result i32)
    (local $q i64) (local $r i64) (local $kind i32)
    ;; Units 0-3 and 4-7, folded (OR 0x20 makes only A-Z into a-z among the units that can match).
    (local.set $q (i64.or (i64.load (local.get $at)) (i64.const 0x0020002000200020)))
    (local.set $r (i64.or (i64.load offset=8 (local.get $at)) (i64.const 0x0020002000200020)))
    ;; ref: r e f
    (if (i64.eq (i64.and (local.get $q) (i64.const 0x0000ffffffffffff)) (i64.const 0x0000006600650072))
      (then (local.set $kind (i32.const 7))))
    ;; para: p a r a
    (if (i64.eq (local.get $q) (i64.const 0x0061007200610070))
      (then (local.set $kind (i32.const 8))))
    ;; end: e n d
    (if (i64.eq (i64.and (local.get $q) (i64.const 0x0000ffffffffffff)) (i64.const 0x00000064006e0065))
      (then (local.set $kind (i32.const 2))))
    ;; note: n o t e
    (if (i64.eq (local.get $q) (i64.const 0x00650074006f006e))
      (then (local.set $kind (i32.const 5))))
    ;; begin: b e g i, n
    (if (i32.and
          (i64.eq (local.get $q) (i64.const 0x0069006700650062))
          (i64.eq (i64.and (local.get $r) (i64.const 0xffff)) (i64.const 0x006e)))
      (then (local.set $kind (i32.const 1))))
    ;; summary: s u m m, a r y
    (if (i32.and
          (i64.eq (local.get $q) (i64.const 0x006d006d00750073))
          (i64.eq (i64.and (local.get $r) (i64.const 0x0000ffffffffffff)) (i64.const 0x0000007900720061)))
      (then (local.set $kind (i32.const 3))))
    ;; comment: c o m m, e n t
    (if (i32.and
          (i64.eq (local.get $q) (i64.const 0x006d006d006f0063))
          (i64.eq (i64.and (local.get $r) (i64.const 0x0000ffffffffffff)) (i64.const 0x00000074006e0065)))
      (then (local.set $kind (i32.const 4))))
    ;; background: b a c k, g r o u, n d
    (if (i32.and
          (i32.and
            (i64.eq (local.get $q) (i64.const 0x006b006300610062))
            (i64.eq (local.get $r) (i64.const 0x0075006f00720067)))
          (i32.eq (i32.or (i32.load offset=16 (local.get $at)) (i32.const 0x00200020)) (i32.const 0x0064006e)))
      (then (local.set $kind (i32.const 6))))
    (local.get $kind))

  (func (export "scan") (param $base i32) (param $count i32) (param $out i32) (result i32)
    (local $outStart i32) (local $i i32) (local $at i32) (local $position i32) (local $kind i32)
    (local $words i32) (local $previousWord i32) (local $candidates i32)
    (local $raw v128) (local $first v128) (local $second v128) (local $third v128) (local $word v128)
    (local $fold v128) (local $aLow v128) (local $zLow v128) (local $zero v128) (local $nine v128) (local $underscore v128)
    (local $lowNibble v128) (local $slot v128) (local $firstOf v128) (local $secondOf v128) (local $thirdOf v128)
    ;; Constants (set once: Node's engine does not inline WebAssembly calls).
    (local.set $fold (i8x16.splat (i32.const 0x20)))
    (local.set $aLow (i8x16.splat (i32.const 0x61)))
    (local.set $zLow (i8x16.splat (i32.const 0x7a)))
    (local.set $zero (i8x16.splat (i32.const 0x30)))
    (local.set $nine (i8x16.splat (i32.const 0x39)))
    (local.set $underscore (i8x16.splat (i32.const 0x5f)))
    (local.set $lowNibble (i8x16.splat (i32.const 0x0f)))
    ;; The trigram for each value of (first + second + third) & 15, as its three letters; 0 (no letter)
    ;; where no trigram sums to that value: ref 13, par 3, end 7, beg 14, bac 6, sum 5, com 15, not 1.
    (local.set $firstOf (v128.const i8x16 0 0x6e 0 0x70 0 0x73 0x62 0x65 0 0 0 0 0 0x72 0x62 0x63))
    (local.set $secondOf (v128.const i8x16 0 0x6f 0 0x61 0 0x75 0x61 0x6e 0 0 0 0 0 0x65 0x65 0x6f))
    (local.set $thirdOf (v128.const i8x16 0 0x74 0 0x72 0 0x6d 0x63 0x64 0 0 0 0 0 0x66 0x67 0x6d))
    (local.set $outStart (local.get $out))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 1))))
        ;; Sixteen units narrowed to bytes: U+0100 to U+7FFF become 0xFF, U+8000 and above 0. Then each
        ;; unit, and the one and two after it, with ASCII letters folded to lower case (OR 0x20 makes
        ;; a-z only of A-Z and a-z).
        (local.set $raw (i8x16.narrow_i16x8_u (v128.load (local.get $at)) (v128.load offset=16 (local.get $at))))
        (local.set $first (v128.or (local.get $raw) (local.get $fold)))
        (local.set $second (v128.or (i8x16.narrow_i16x8_u (v128.load offset=2 (local.get $at)) (v128.load offset=18 (local.get $at))) (local.get $fold)))
        (local.set $third (v128.or (i8x16.narrow_i16x8_u (v128.load offset=4 (local.get $at)) (v128.load offset=20 (local.get $at))) (local.get $fold)))
        ;; Word characters: letters (folded), digits and underscore (as written).
        (local.set $word
          (v128.or
            (v128.or
              (v128.and (i8x16.ge_u (local.get $first) (local.get $aLow)) (i8x16.le_u (local.get $first) (local.get $zLow)))
              (v128.and (i8x16.ge_u (local.get $raw) (local.get $zero)) (i8x16.le_u (local.get $raw) (local.get $nine))))
            (i8x16.eq (local.get $raw) (local.get $underscore))))
        (local.set $slot
          (v128.and (i8x16.add (i8x16.add (local.get $first) (local.get $second)) (local.get $third)) (local.get $lowNibble)))
        ;; One bit per unit: a word starts where a word unit follows a non-word one (across blocks too);
        ;; a candidate also starts with the first three letters of a keyword.
        (local.set $words (i8x16.bitmask (local.get $word)))
        (local.set $candidates
          (i32.and
            (i32.and (local.get $words) (i32.xor (i32.or (i32.shl (local.get $words) (i32.const 1)) (local.get $previousWord)) (i32.const -1)))
            ;; The units whose three letters are the trigram their sum picks.
            (i8x16.bitmask
              (v128.and
                (v128.and
                  (i8x16.eq (local.get $first) (i8x16.swizzle (local.get $firstOf) (local.get $slot)))
                  (i8x16.eq (local.get $second) (i8x16.swizzle (local.get $secondOf) (local.get $slot))))
                (i8x16.eq (local.get $third) (i8x16.swizzle (local.get $thirdOf) (local.get $slot)))))))
        ;; Compare each candidate in full; write its pair, and keep it when it is a keyword.
        (block $checked
          (loop $candidate
            (br_if $checked (i32.eqz (local.get $candidates)))
            (local.set $position (i32.add (local.get $i) (i32.ctz (local.get $candidates))))
            (local.set $candidates (i32.and (local.get $candidates) (i32.sub (local.get $candidates) (i32.const 1))))
            (local.set $kind (call $kind (i32.add (local.get $base) (i32.shl (local.get $position) (i32.const 1)))))
            (i32.store (local.get $out) (local.get $position))
            (i32.store offset=4 (local.get $out) (local.get $kind))
            (local.set $out (i32.add (local.get $out) (select (i32.const 8) (i32.const 0) (local.get $kind))))
            (br $candidate)))
        (local.set $previousWord (i32.shr_u (local.get $words) (i32.const 15)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (i32.shr_u (i32.sub (local.get $out) (local.get $outStart)) (i32.const 3)))
)
