// expect: structure.deep-nesting@2 structure.long-parameter-list@16
function nested(a) {
  if (a) {
    for (const i of a) {
      while (i) {
        if (i > 1) {
          switch (i) {
            case 2: return i;
          }
        }
      }
    }
  }
}

function params(a, b, c, d, e, f, g) {
  return a;
}

function fine(a) {
  if (a) {
    return 1;
  } else if (!a) {
    return 2;
  }
}
