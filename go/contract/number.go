package contract

import (
	"encoding/json"
	"strings"
)

// decimal is a JSON number held exactly: value = (-1 if neg) × 0.digits × 10^point, digits
// without leading or trailing zeros ("" for zero). JSON text has no NaN or Infinity, and a number
// is never rounded, so 2^53+1, 1e400 and 1.0000000000000001 keep their exact values.
type decimal struct {
	neg    bool
	digits string
	point  int64
}

// maxExponent saturates absurd exponents (1e99999999999999999999); standard bounds in the
// schemas reject such numbers anyway, and comparisons between them stay ordered.
const maxExponent = int64(1) << 40

func parseDecimal(n json.Number) (decimal, bool) {
	s := string(n)
	var d decimal
	if strings.HasPrefix(s, "-") {
		d.neg, s = true, s[1:]
	}
	mantissa, exponent, _ := strings.Cut(strings.ToLower(s), "e")
	whole, fraction, _ := strings.Cut(mantissa, ".")
	if whole == "" || !allDigits(whole) || !allDigits(fraction) {
		return decimal{}, false
	}
	var exp int64
	if exponent != "" {
		sign := int64(1)
		switch exponent[0] {
		case '-':
			sign, exponent = -1, exponent[1:]
		case '+':
			exponent = exponent[1:]
		}
		if exponent == "" || !allDigits(exponent) {
			return decimal{}, false
		}
		for _, c := range exponent {
			if exp < maxExponent {
				exp = exp*10 + int64(c-'0')
			}
		}
		exp *= sign
	}
	all := whole + fraction
	trimmed := strings.TrimLeft(all, "0")
	exp += int64(len(whole)) - int64(len(all)-len(trimmed))
	d.digits = strings.TrimRight(trimmed, "0")
	d.point = exp
	if d.digits == "" {
		return decimal{}, true // -0 and 0.0 are zero
	}
	return d, true
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cmp orders two decimals: -1, 0 or 1.
func (a decimal) cmp(b decimal) int {
	sign := func(d decimal) int {
		switch {
		case d.digits == "":
			return 0
		case d.neg:
			return -1
		}
		return 1
	}
	sa, sb := sign(a), sign(b)
	if sa != sb || sa == 0 {
		return compareInts(int64(sa), int64(sb))
	}
	magnitude := compareInts(a.point, b.point)
	if magnitude == 0 {
		magnitude = strings.Compare(a.digits, b.digits)
	}
	return magnitude * sa
}

func compareInts(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// key is the same string for equal numbers (4, 4.0 and 40e-1).
func (a decimal) key() string {
	if a.digits == "" {
		return "0"
	}
	sign := ""
	if a.neg {
		sign = "-"
	}
	return sign + "0." + a.digits + "e" + itoa(a.point)
}

func jsonNumber(s string) json.Number { return json.Number(s) }

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// integer is a JSON number's value as an int64 when it is an integer that fits (|n| < 10^18).
func integer(value any) (int64, bool) {
	d, ok := number(value)
	if !ok || d.point > 18 || int64(len(d.digits)) > d.point {
		return 0, ok && d.digits == ""
	}
	var n int64
	for i := int64(0); i < d.point; i++ {
		n *= 10
		if i < int64(len(d.digits)) {
			n += int64(d.digits[i] - '0')
		}
	}
	if d.neg {
		n = -n
	}
	return n, true
}
