package questionnaires

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"slate/model"
)

// BuiltinFile is the embedded IEC 62443-3-3 catalog's file name.
const BuiltinFile = "iec62443-3-3.yaml"

// BuiltinID is the id of the built-in catalog.
const BuiltinID = "iec62443-3-3"

// EnvDir names the environment variable that points to extra catalogs.
const EnvDir = "SLATE_CATALOGS"

// maxCatalogSize bounds a catalog file; the built-in one is well under 200 KB.
const maxCatalogSize = 8 << 20

//go:embed iec62443-3-3.yaml
var builtinYAML []byte

var builtin = sync.OnceValues(func() (*model.Catalog, error) {
	return Parse(BuiltinFile, builtinYAML)
})

// Builtin returns the embedded IEC 62443-3-3 catalog. Tests guarantee it is
// valid, so an error here means a broken build.
func Builtin() *model.Catalog {
	c, err := builtin()
	if err != nil {
		panic("built-in catalog is invalid: " + err.Error())
	}
	return c
}

// BuiltinSource returns the embedded catalog's YAML.
func BuiltinSource() []byte { return builtinYAML }

// Library is the set of catalogs available to this run: the built-in one and
// any found in the extra folder.
type Library struct {
	catalogs []*model.Catalog
}

// Dir returns the extra-catalog folder: the flag value, else $SLATE_CATALOGS.
func Dir(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv(EnvDir)
}

// Load returns the built-in catalog plus every catalog in dir (if not empty).
// A broken extra catalog is an error: silently skipping it would let an
// assessment open against the wrong questions.
func Load(dir string) (*Library, error) {
	lib := &Library{catalogs: []*model.Catalog{Builtin()}}
	if dir == "" {
		return lib, nil
	}
	cats, err := loadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, c := range cats {
		if prev, ok := lib.Get(c.ID, c.Version); ok && prev.Hash != c.Hash {
			return nil, fmt.Errorf("catalog %s %s is defined twice with different content", c.ID, c.Version)
		}
		lib.catalogs = append(lib.catalogs, c)
	}
	return lib, nil
}

// All lists the catalogs, built-in first.
func (l *Library) All() []*model.Catalog { return l.catalogs }

// Default returns the built-in catalog.
func (l *Library) Default() *model.Catalog { return l.catalogs[0] }

// Get finds a catalog by id and version.
func (l *Library) Get(id, version string) (*model.Catalog, bool) {
	for _, c := range l.catalogs {
		if c.ID == id && c.Version == version {
			return c, true
		}
	}
	return nil, false
}

// Validate checks a catalog file, or every catalog file in a folder.
func Validate(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.IsDir() {
		cats, err := loadDir(path)
		if err == nil && len(cats) == 0 {
			return fmt.Errorf("%s: no .yaml or .yml catalog files", path)
		}
		return err
	}
	_, err = loadFile(path)
	return err
}

func loadDir(dir string) ([]*model.Catalog, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("catalog folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var cats []*model.Catalog
	var all Problems
	var errs []error
	for _, n := range names {
		c, err := loadFile(filepath.Join(dir, n))
		var ps Problems
		switch {
		case errors.As(err, &ps):
			all = append(all, ps...)
		case err != nil:
			errs = append(errs, err)
		default:
			cats = append(cats, c)
		}
	}
	if len(all) > 0 {
		errs = append(errs, all)
	}
	return cats, errors.Join(errs...)
}

func loadFile(path string) (*model.Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCatalogSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxCatalogSize {
		return nil, fmt.Errorf("%s: larger than %d MB; not a catalog", path, maxCatalogSize>>20)
	}
	return Parse(path, data)
}
