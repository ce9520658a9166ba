// expect: structure.long-parameter-list@4 structure.deep-nesting@8
package store

func Params(a, b, c, d, e, f, g int) int {
	return a
}

func Nested(a []int) int {
	for _, x := range a {
		if x > 0 {
			for y := 0; y < x; y++ {
				if y%2 == 0 {
					switch y {
					case 2:
						return y
					}
				}
			}
		}
	}
	return 0
}
