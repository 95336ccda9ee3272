package contract

import (
	"fmt"
	"strconv"
	"strings"
)

// A finding is one violation as a check sees it: index is the array item it concerns (-1 for
// none), name the key or property of the argument it concerns (""). Where the error points is
// the keyword's errorAt in vocabulary.json, not the check's choice (see place).
type finding struct {
	index   int
	name    string
	message string
}

// A check finds every violation of one rule in a value of its scope, in linear time; values of
// the wrong shape are ignored (the standard keywords beside it report those). The argument has
// already been validated against the keyword's argument schema.
type check func(argument any, instance any) []finding

// checks: the only code per rule, keyed by rule id; the rest comes from vocabulary.json.
// Semantics and messages follow python/embedding_contract/vocabulary/rules/.
var checks = map[string]check{
	"unique-by":           uniqueBy,
	"equal-across":        equalAcross,
	"strictly-increasing": strictlyIncreasing,
	"references":          references,
	"length-relation":     lengthRelation,
	"greater-than":        greaterThan,
}

func uniqueBy(argument any, instance any) []finding {
	key, _ := argument.(string)
	items, _ := instance.([]any)
	var out []finding
	first := map[string]int{}
	for index, item := range items {
		value := member(item, key)
		id := scalarKey(value)
		if id == "" {
			continue
		}
		if seen, ok := first[id]; ok {
			out = append(out, finding{index, key,
				fmt.Sprintf("duplicate %s %s: already used by item [%d]", key, show(value), seen)})
		} else {
			first[id] = index
		}
	}
	return out
}

func equalAcross(argument any, instance any) []finding {
	keys, _ := argument.([]any)
	items, _ := instance.([]any)
	if len(items) == 0 {
		return nil
	}
	var out []finding
	for _, k := range keys {
		key, _ := k.(string)
		head := member(items[0], key)
		expected := scalarKey(head)
		if expected == "" {
			continue
		}
		for index := 1; index < len(items); index++ {
			value := member(items[index], key)
			if found := scalarKey(value); found != "" && found != expected {
				out = append(out, finding{index, key, fmt.Sprintf(
					"%s is %s here but %s in item [0]; all items must share one %s",
					key, show(value), show(head), key)})
			}
		}
	}
	return out
}

func strictlyIncreasing(argument any, instance any) []finding {
	if on, _ := argument.(bool); !on {
		return nil
	}
	items, _ := instance.([]any)
	var out []finding
	for index := 1; index < len(items); index++ {
		before, okBefore := number(items[index-1])
		value, okValue := number(items[index])
		if okBefore && okValue && value.cmp(before) <= 0 {
			out = append(out, finding{index, "", fmt.Sprintf(
				"%s is not greater than the item before it (%s)",
				show(items[index]), show(items[index-1]))})
		}
	}
	return out
}

// each runs one object-scope rule per item of the argument (a list of objects).
func each(argument any, rule func(map[string]any) []finding) []finding {
	list, _ := argument.([]any)
	var out []finding
	for _, item := range list {
		if fields, ok := item.(map[string]any); ok {
			out = append(out, rule(fields)...)
		}
	}
	return out
}

func text(fields map[string]any, key string) string {
	s, _ := fields[key].(string)
	return s
}

func references(argument any, instance any) []finding {
	return each(argument, func(a map[string]any) []finding {
		property, target, key := text(a, "property"), text(a, "target"), text(a, "key")
		names, okNames := member(instance, property).([]any)
		targets, okTargets := member(instance, target).([]any)
		if !okNames || !okTargets {
			return nil
		}
		known := map[string]bool{}
		for _, item := range targets {
			if id := scalarKey(member(item, key)); id != "" {
				known[id] = true
			}
		}
		var out []finding
		for index, name := range names {
			if s, ok := name.(string); ok && !known[scalarKey(s)] {
				out = append(out, finding{index, property,
					fmt.Sprintf("%s names no item of %s (by %s)", show(s), target, key)})
			}
		}
		return out
	})
}

func lengthRelation(argument any, instance any) []finding {
	return each(argument, func(a map[string]any) []finding {
		property, other := text(a, "property"), text(a, "other")
		offset, fits := integer(a["offset"])
		value, okValue := member(instance, property).([]any)
		base, okBase := member(instance, other).([]any)
		if !okValue || !okBase {
			return nil
		}
		// An offset beyond int64 is never met: no array is that long.
		if fits && int64(len(value)) == int64(len(base))+offset {
			return nil
		}
		sign, magnitude := "+", show(a["offset"])
		if strings.HasPrefix(magnitude, "-") {
			sign, magnitude = "-", magnitude[1:]
		}
		expected := show(a["offset"]) + " + " + strconv.Itoa(len(base))
		if fits {
			expected = strconv.FormatInt(int64(len(base))+offset, 10)
		}
		return []finding{{-1, property, fmt.Sprintf("%s has %d items but needs len(%s) %s %s = %s",
			property, len(value), other, sign, magnitude, expected)}}
	})
}

func greaterThan(argument any, instance any) []finding {
	return each(argument, func(a map[string]any) []finding {
		property, than := text(a, "property"), text(a, "than")
		value, okValue := number(member(instance, property))
		other, okOther := number(member(instance, than))
		if okValue && okOther && value.cmp(other) <= 0 {
			return []finding{{-1, property, fmt.Sprintf(
				"%s (%s) must be greater than %s (%s)", property,
				show(member(instance, property)), than, show(member(instance, than)))}}
		}
		return nil
	})
}
