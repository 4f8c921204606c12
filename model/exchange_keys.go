package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// exactKeys walks a JSON value and the Go type it decodes into, and refuses
// what encoding/json quietly accepts: a key that matches a field only when
// case is ignored ("FORMAT" for "format"), and a key given twice in one
// object (where the last would win). Values decoded later on their own
// (json.RawMessage) are skipped here and checked when they are decoded.
// Syntax errors are left to the decoder, which reports them with a position.
func exactKeys(raw []byte, v any, path string) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	err := walkKeys(dec, reflect.TypeOf(v), path)
	if _, ok := err.(*DocError); ok {
		return err
	}
	return nil
}

var rawMessage = reflect.TypeOf(json.RawMessage(nil))

func walkKeys(dec *json.Decoder, t reflect.Type, path string) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t == rawMessage || t.Kind() == reflect.Interface {
		var skip json.RawMessage
		return dec.Decode(&skip)
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		fields := jsonFields(t)
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := kt.(string)
			if seen[key] {
				return docErr(path, "key %q is given twice", key)
			}
			seen[key] = true
			ft, known := fields[key]
			if fields != nil && !known {
				for name := range fields {
					if strings.EqualFold(name, key) {
						return docErr(path, "unknown field %q (keys are case-sensitive: %q)", key, name)
					}
				}
				return docErr(path, "unknown field %q", key)
			}
			if err := walkKeys(dec, ft, path+"."+key); err != nil {
				return err
			}
		}
		_, err = dec.Token()
		return err
	case json.Delim('['):
		var elem reflect.Type
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			elem = t.Elem()
		}
		for i := 0; dec.More(); i++ {
			if err := walkKeys(dec, elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		_, err = dec.Token()
		return err
	}
	return nil
}

// jsonFields maps a struct's JSON names, exactly as tagged, to their types;
// nil for a type that is not a struct (a map takes any key).
func jsonFields(t reflect.Type) map[string]reflect.Type {
	if t.Kind() != reflect.Struct {
		return nil
	}
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}
